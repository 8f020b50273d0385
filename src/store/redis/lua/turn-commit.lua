-- Commits a turn computed without the lock (from the state the instance kept), in one round trip:
-- only if nobody holds the lock, the conversation has no case and the stored record is still the
-- revision the turn started from. Then as turn-close: snapshot, transcript, TTLs, outbox taken.
-- KEYS[1] lock, KEYS[2] snapshot, KEYS[3] transcript, KEYS[4] outbox, KEYS[5] case link
-- ARGV[1] expected record prefix ({"rev":"..."), ARGV[2] TTL seconds, ARGV[3] record JSON, ARGV[4..] entries
-- returns the pending outbox items, or nil when the turn must be run under the lock instead
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[5]) == 1 then
  return false
end
local current = redis.call('GET', KEYS[2])
if not current or string.sub(current, 1, #ARGV[1]) ~= ARGV[1] then
  return false
end
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[2])
if #ARGV > 3 then
  redis.call('RPUSH', KEYS[3], unpack(ARGV, 4))
end
redis.call('EXPIRE', KEYS[3], ARGV[2])
local pending = redis.call('LRANGE', KEYS[4], 0, -1)
if #pending > 0 then
  redis.call('DEL', KEYS[4])
end
return pending
