-- wrk script: each request submits a different learner's quiz (own session cookie, CSRF token
-- and quiz form with its round), read from the file in QUIZ_REQUESTS; threads take alternate lines.
dofile(os.getenv("WRK_REPORTER"))

local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local requests = {}
local next_index = 1

function init(args)
  local total_threads = tonumber(os.getenv("WRK_THREADS") or "1")
  local line_number = 0
  for line in io.lines(os.getenv("QUIZ_REQUESTS")) do
    if line_number % total_threads == thread_id then
      local path, cookie, csrf, body = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
      table.insert(requests, {path = path, cookie = cookie, csrf = csrf, body = body})
    end
    line_number = line_number + 1
  end
end

function request()
  local r = requests[next_index]
  -- Past the last learner the same forms come round again and are refused (already submitted).
  next_index = next_index % #requests + 1
  return wrk.format("POST", r.path, {
    ["Cookie"] = r.cookie,
    ["X-CSRFToken"] = r.csrf,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, r.body)
end
