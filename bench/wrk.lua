-- One wrk script for every row of `make bench`: the method and body come from the environment
-- (BENCH_METHOD, BENCH_BODY; headers are given with -H), so the checklist POST is the same
-- script as the GETs. It prints one line, "BENCH {json}", that bench/run.py reads.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
