-- Starts a turn: takes the conversation lock and returns its state in the same round trip.
-- KEYS[1] lock, KEYS[2] snapshot, KEYS[3] case link; ARGV[1] owner token, ARGV[2] lock ms
-- returns nil when the lock is busy, else { snapshot JSON or '', case id or '' }
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return nil
end
return { redis.call('GET', KEYS[2]) or '', redis.call('GET', KEYS[3]) or '' }
