-- Releases a conversation lock only if this caller still owns it.
-- KEYS[1] lock key; ARGV[1] owner token
-- returns 1 when released, 0 when the lock had expired or belongs to someone else
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
