-- Token bucket decided in one step inside Redis: no read-then-compare-and-set round trips, so no retries and no
-- livelock however many gateways hit the same key, and Redis's own clock, so gateway clocks do not matter.
-- KEYS[1]: the bucket (a hash: t = last update in microseconds, n = tokens left then).
-- ARGV[1]: capacity in tokens. ARGV[2]: refill in tokens per second.
-- Returns {1, 0} when a token was taken, {0, milliseconds until one is available} otherwise.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local state = redis.call('HMGET', KEYS[1], 't', 'n')
local last = tonumber(state[1])
local tokens = capacity
if last then
  tokens = tonumber(state[2]) or capacity
  if now > last then
    tokens = math.min(capacity, tokens + (now - last) * rate / 1000000)
  end
end
if tokens < 1 then
  -- Nothing changes when refusing: the next call recomputes the refill from the same point.
  return {0, math.ceil((1 - tokens) * 1000 / rate)}
end
redis.call('HSET', KEYS[1], 't', now, 'n', tokens - 1)
-- Once full again the bucket is worth nothing: let Redis drop it a little after that.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return {1, 0}
