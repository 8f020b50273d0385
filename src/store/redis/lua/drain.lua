-- Takes every pending outbox message at once, so each is delivered exactly once.
-- KEYS[1] outbox list
-- returns the list's items (JSON strings), oldest first
local items = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return items
