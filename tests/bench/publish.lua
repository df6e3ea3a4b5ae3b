-- wrk script: readers going round a list of pages (READER_PAGES, one path a line) while an editor
-- publishes; counts how each answer came (X-Page-Cache: hit, stale, miss, or not cached).
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local paths = {}
local next_index = 1
function init(args)
  for line in io.lines(os.getenv("READER_PAGES")) do
    table.insert(paths, line)
  end
  next_index = math.random(#paths)
  hit, stale, miss, uncached = 0, 0, 0, 0
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  local how = headers["X-Page-Cache"]
  if how == "hit" then hit = hit + 1
  elseif how == "stale" then stale = stale + 1
  elseif how == "miss" then miss = miss + 1
  else uncached = uncached + 1 end
end

done = function(summary, latency, requests)
  local counts = {hit = 0, stale = 0, miss = 0, uncached = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(counts) do counts[name] = counts[name] + thread:get(name) end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50": %.2f, "p95": %.2f, "p99": %.2f, "max": %.2f, "non_2xx": %d, "socket_errors": %d, "hit": %d, "stale": %d, "miss": %d, "uncached": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, errors, counts.hit, counts.stale, counts.miss, counts.uncached))
end
