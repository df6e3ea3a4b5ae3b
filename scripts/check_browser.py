"""Say clearly, before the suite runs, whether the browser journeys will run."""

import shutil

if shutil.which("chromium"):
    print("Browser journeys: Debian's chromium found, they will run.")
else:
    print(
        "Browser journeys: SKIPPED, no 'chromium' on PATH. "
        "Install Debian's package (apt-get install -y chromium) to run them; .ci/run does."
    )
