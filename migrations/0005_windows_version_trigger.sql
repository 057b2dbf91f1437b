-- Followers of an opportunity are told when its dates change: every change to its windows
-- moves the opportunity's windows_version by one. A counter, not a timestamp, so it does not
-- depend on the database's clock.
CREATE OR REPLACE FUNCTION opportunity_windows_count_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE opportunities SET windows_version = windows_version + 1
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.opportunity_id ELSE NEW.opportunity_id END;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER opportunity_windows_count_change
  AFTER INSERT OR UPDATE OR DELETE ON opportunity_windows
  FOR EACH ROW EXECUTE FUNCTION opportunity_windows_count_change();
