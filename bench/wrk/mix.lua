-- Closed-loop peak load over the mix: each connection sends the next query as soon as the last is answered.
-- Argument: a file of lines, "path" (GET) or "path<TAB>body" (POST JSON; an NDJSON body's newlines written as \n). Prints one RESULT line of JSON at the end.
local entries = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    local tab = line:find("\t", 1, true)
    if tab then
      -- An _msearch body's newlines come written as \n (no body holds a backslash otherwise).
      local body = line:sub(tab + 1):gsub("\\n", "\n")
      table.insert(entries, { path = line:sub(1, tab - 1), body = body })
    else
      table.insert(entries, { path = line })
    end
  end
  counter = math.random(#entries)
end

function request()
  counter = counter % #entries + 1
  local entry = entries[counter]
  if entry.body then
    return wrk.format("POST", entry.path, { ["Content-Type"] = "application/json" }, entry.body)
  end
  return wrk.format("GET", entry.path, { ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"durationMicros":%d,"bytes":%d,"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
    '"timeouts":%d,"p50Micros":%d,"p99Micros":%d,"p999Micros":%d,"maxMicros":%d}\n',
    summary.requests, summary.duration, summary.bytes, errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
