-- Ends a turn: writes the snapshot and transcript entries, refreshes the TTLs, takes pending
-- outbox messages and releases the lock, atomically and only if this caller still owns the lock.
-- KEYS[1] lock, KEYS[2] snapshot, KEYS[3] transcript, KEYS[4] outbox, KEYS[5] case link
-- ARGV[1] owner token, ARGV[2] TTL seconds, ARGV[3] snapshot JSON ('' = keep),
-- ARGV[4] '1' = drop the transcript first (it moved to the case), ARGV[5..] entries
-- returns the pending outbox items (JSON strings); an error when the lock was lost
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('LOCK_LOST conversation lock expired during the turn')
end
if ARGV[3] ~= '' then
  redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[2])
end
if ARGV[4] == '1' then
  redis.call('DEL', KEYS[3])
end
if #ARGV > 4 then
  redis.call('RPUSH', KEYS[3], unpack(ARGV, 5))
end
redis.call('EXPIRE', KEYS[3], ARGV[2])
redis.call('EXPIRE', KEYS[5], ARGV[2])
local pending = redis.call('LRANGE', KEYS[4], 0, -1)
if #pending > 0 then
  redis.call('DEL', KEYS[4])
end
redis.call('DEL', KEYS[1])
return pending
