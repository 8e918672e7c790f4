-- wrk script for the explorer load test. Each connection replays what opening the page does:
-- the page, its three assets, the three listings and the scenario (8 requests), then one run of
-- rongcheng-2016 with 2,000 residents; so one request in nine simulates.
local body = '{"scenario": "rongcheng-2016", "edits": "population:\\n  size: 2000\\n"}'
-- Built in init(): only then does wrk.headers carry the Host header (the explorer refuses
-- requests without one, as HTTP/1.1 requires).
local requests
function init(args)
  requests = {
  wrk.format("GET", "/"),
  wrk.format("GET", "/assets/report.css"),
  wrk.format("GET", "/assets/explorer.css"),
  wrk.format("GET", "/assets/explorer.js"),
  wrk.format("GET", "/api/scenarios"),
  wrk.format("GET", "/api/guidance"),
  wrk.format("GET", "/api/limits"),
  wrk.format("GET", "/api/scenarios/rongcheng-2016"),
  wrk.format("POST", "/api/run", { ["Content-Type"] = "application/json" }, body),
  }
end
local counter = 0
function request()
  counter = counter + 1
  return requests[((counter - 1) % #requests) + 1]
end
