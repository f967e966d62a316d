-- wrk script for `make bench-load` (bench/load/drive.py): a fixed number of requests.
--
-- BENCH_REQUESTS names a file of requests, one a line: method, path, cookie header and
-- form body, separated by tabs. Connections take them in turn (cycling if there are
-- fewer lines than requests), and the thread stops once BENCH_LIMIT responses are in,
-- so every page gets the same bounded count whatever its speed. wrk itself waits out
-- its -d duration after that, so the thread prints "BENCH-STOPPED" for the driver to
-- interrupt it, and times its own run (first request to last response) for the rate.
-- done() prints one "BENCH-RESULT" line with the latency percentiles and the responses.

local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]])
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  limit = tonumber(os.getenv("BENCH_LIMIT"))
  local origin = os.getenv("BENCH_ORIGIN")
  expect_location = os.getenv("BENCH_EXPECT_LOCATION") or ""
  prepared = {}
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local method, path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    if cookie ~= "" then
      headers["Cookie"] = cookie
    end
    if method == "POST" then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      headers["Origin"] = origin
    else
      body = nil
    end
    table.insert(prepared, wrk.format(method, path, headers, body))
  end
  sent, received = 0, 0
  statuses = {}
  located = 0
  started_us, elapsed_us = nil, 0
end

function request()
  sent = sent + 1
  started_us = started_us or now_us()
  return prepared[((sent - 1) % #prepared) + 1]
end

function response(status, headers, body)
  received = received + 1
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  local location = headers["Location"] or headers["location"]
  if expect_location ~= "" and location and location:find(expect_location, 1, true) then
    located = located + 1
  end
  if received == limit then
    elapsed_us = now_us() - started_us
    wrk.thread:stop()
    io.write("BENCH-STOPPED\n")
    io.flush()
  end
end

function done(summary, latency, requests)
  local parts = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses") or {}
    for status, n in pairs(counts) do
      table.insert(parts, string.format('"%s": %d', status, n))
    end
  end
  local found, elapsed = 0, 0
  for _, thread in ipairs(threads) do
    found = found + (thread:get("located") or 0)
    elapsed = math.max(elapsed, thread:get("elapsed_us") or 0)
  end
  io.write(string.format(
    'BENCH-RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "wrk_duration_us": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d, '
      .. '"socket_errors": %d, "located": %d, "statuses": {%s}}\n',
    summary.requests, elapsed, summary.bytes, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    found, table.concat(parts, ", ")))
end
