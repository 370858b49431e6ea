/*
 * The hot queries as named prepared statements (seed 000: "use prepared statements for frequent queries"):
 * pg parses and plans each once per connection. Values are always bound parameters, never spliced in.
 */
import type pg from 'pg';

/**
 * A public PIN with its profile, skills and experiences in ONE round trip: lateral json aggregation instead
 * of one query per child table (no N+1). The row comes back as JSON text, ready to send without re-serializing.
 * The email is left out: this is the public page.
 */
const PIN_PUBLIC = `
SELECT json_build_object(
  'pin_number', p.pin_number,
  'title', p.title,
  'bio', p.bio,
  'created_at', p.created_at,
  'updated_at', p.updated_at,
  'profile', CASE WHEN pr.id IS NULL THEN NULL ELSE json_build_object(
    'user_id', pr.user_id, 'full_name', pr.full_name, 'headline', pr.headline, 'location', pr.location) END,
  'skills', coalesce(s.skills, '[]'::json),
  'experiences', coalesce(e.experiences, '[]'::json)
)::text AS body
FROM professional_pins p
LEFT JOIN profiles pr ON pr.user_id = p.user_id
LEFT JOIN LATERAL (
  SELECT json_agg(json_build_object('name', sk.skill_name, 'level', sk.level) ORDER BY sk.skill_name) AS skills
  FROM pin_skills sk WHERE sk.pin_id = p.id
) s ON true
LEFT JOIN LATERAL (
  SELECT json_agg(json_build_object('company', ex.company, 'role', ex.role, 'start_date', ex.start_date, 'end_date', ex.end_date)
                  ORDER BY ex.start_date DESC, ex.id) AS experiences
  FROM pin_experiences ex WHERE ex.pin_id = p.id
) e ON true
WHERE p.pin_number = $1 AND p.visibility = 'public'`;

/** The rollup for one PIN, looked up by its public number (one round trip). */
const PIN_ANALYTICS = `
SELECT p.id::text AS pin_id, get_pin_analytics_summary(p.id)::text AS summary
FROM professional_pins p WHERE p.pin_number = $1`;

const USER_PROFILE = `
SELECT json_build_object(
  'id', id, 'user_id', user_id, 'full_name', full_name, 'headline', headline, 'email', email,
  'location', location, 'is_active', is_active, 'created_at', created_at
)::text AS body
FROM profiles WHERE user_id = $1`;

export const statements = {
  pinPublic: (pinNumber: string): pg.QueryConfig => ({ name: 'sp_pin_public', text: PIN_PUBLIC, values: [pinNumber] }),
  pinAnalytics: (pinNumber: string): pg.QueryConfig => ({ name: 'sp_pin_analytics', text: PIN_ANALYTICS, values: [pinNumber] }),
  userProfile: (userId: string): pg.QueryConfig => ({ name: 'sp_user_profile', text: USER_PROFILE, values: [userId] }),
};

/** Events go in by COPY; created_at is the moment the API accepted the event, id comes from the sequence. */
export const COPY_EVENTS_SQL = 'COPY pin_analytics (pin_id, pin_number, event_type, created_at, write_id) FROM STDIN';
