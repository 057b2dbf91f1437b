/** Robots fill every field; people never see this one. A filled honeypot means a robot. */
export const HONEYPOT_FIELD = 'site_web_secondaire';

export function HoneypotField() {
  return (
    <div class="eflc-honeypot" aria-hidden="true">
      <label for={HONEYPOT_FIELD}>Laissez ce champ vide</label>
      <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" value="" />
    </div>
  );
}

export function isRobot(body: unknown): boolean {
  const value = (body as Record<string, unknown> | undefined)?.[HONEYPOT_FIELD];
  return typeof value === 'string' && value.trim() !== '';
}
