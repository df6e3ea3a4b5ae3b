DATE_FORMAT = "j F Y"  # 20 November 2026
DATETIME_FORMAT = "j F Y, H:i"
