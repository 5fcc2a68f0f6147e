import { EVENT_LABEL, NOTIFICATION_EVENTS } from "@/lib/domain/notifications";

export const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-950";

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return messages ? <span id={id} className="text-xs text-rose-700 dark:text-rose-300">{messages.join(" ")}</span> : null;
}

/** Name, URL and events: shared by the create and edit forms. Ids are prefixed so several forms can share a page. */
export function EndpointFields({ prefix, fields, name, events, urlHint }: { prefix: string; fields: Record<string, string[]>; name?: string; events?: string[]; urlHint?: string }) {
  return (
    <>
      <label className="text-sm font-medium">
        Name
        <input name="name" required maxLength={100} defaultValue={name} placeholder="e.g. Slack #deploys" className={fieldClass} aria-invalid={Boolean(fields.name)} aria-describedby={`${prefix}-name-error`} />
        <FieldError id={`${prefix}-name-error`} messages={fields.name} />
      </label>
      <label className="text-sm font-medium">
        URL
        <input
          name="url"
          type="url"
          required={!urlHint}
          maxLength={2000}
          placeholder={urlHint ? `Leave blank to keep ${urlHint}` : "https://hooks.slack.com/services/…"}
          className={fieldClass}
          aria-invalid={Boolean(fields.url)}
          aria-describedby={`${prefix}-url-error`}
        />
        <FieldError id={`${prefix}-url-error`} messages={fields.url} />
      </label>
      <fieldset className="text-sm sm:col-span-2" aria-describedby={`${prefix}-events-error`}>
        <legend className="font-medium">Events</legend>
        <div className="mt-1 grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
          {NOTIFICATION_EVENTS.map((e) => (
            <label key={e} className="mt-1 flex items-center gap-2">
              <input type="checkbox" name="events" value={e} defaultChecked={events ? events.includes(e) : true} /> {EVENT_LABEL[e]}
            </label>
          ))}
        </div>
        <FieldError id={`${prefix}-events-error`} messages={fields.events} />
      </fieldset>
    </>
  );
}
