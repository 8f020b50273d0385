-- Claims a waiting case for an agent, atomically (a second agent gets a conflict).
-- KEYS[1] case hash; ARGV[1] agent name; ARGV[2] ISO time
-- returns 'ok' | 'not_found' | 'conflict'
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if status == 'waiting' then
  redis.call('HSET', KEYS[1], 'status', 'assigned', 'assignedTo', ARGV[1], 'assignedAt', ARGV[2])
  return 'ok'
end
if status == 'assigned' and redis.call('HGET', KEYS[1], 'assignedTo') == ARGV[1] then
  return 'ok'
end
return 'conflict'
