"use client";

import { Reveal } from "@/components/ui/reveal";
import { ActionForm, FieldError, buttonClass, inputClass } from "./action-form";
import { cancelAction, decideAction, finishDeployAction, rollBackAction, signOffAction, startDeployAction, waiveAction } from "../_actions";

export function DecisionForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={decideAction}
      hidden={{ id }}
      label="Approve or reject"
      success="Decision recorded."
      buttons={[
        { label: "Approve", tone: "good", name: "decision", value: "approve" },
        { label: "Reject", tone: "danger", name: "decision", value: "reject" },
      ]}
    >
      {(fields) => (
        <label className="block text-sm font-medium">
          Comment <span className="font-normal text-slate-600 dark:text-slate-400">(required to reject)</span>
          <textarea name="comment" rows={2} maxLength={2000} aria-invalid={fields.comment ? true : undefined} aria-describedby={fields.comment ? "comment-error" : undefined} className={inputClass} />
          <FieldError name="comment" fields={fields} />
        </label>
      )}
    </ActionForm>
  );
}

export function SignOffForm({ id, gate, label }: { id: string; gate: string; label: string }) {
  return <ActionForm action={signOffAction} hidden={{ id, gate }} label={`Sign off ${label}`} success="Signed off." buttons={[{ label: "Sign off", tone: "good" }]} className="inline-block" />;
}

export function WaiveForm({ id, gate, label }: { id: string; gate: string; label: string }) {
  return (
    <Reveal label="Waive…" className={buttonClass("plain")}>
      {() => (
        <ActionForm action={waiveAction} hidden={{ id, gate }} label={`Waive ${label}`} success="Waived." buttons={[{ label: "Waive gate", tone: "danger" }]}>
          {(fields) => (
            <label className="block text-xs font-medium">
              Reason for waiving {label}
              <input name="reason" required minLength={5} maxLength={2000} aria-invalid={fields.reason ? true : undefined} className={inputClass} />
              <FieldError name="reason" fields={fields} />
            </label>
          )}
        </ActionForm>
      )}
    </Reveal>
  );
}

export function CancelForm({ id }: { id: string }) {
  return (
    <ActionForm action={cancelAction} hidden={{ id }} label="Cancel this promotion" success="Cancelled." buttons={[{ label: "Cancel promotion", tone: "plain" }]}>
      {() => (
        <label className="block text-sm font-medium">
          Why (optional)
          <input name="reason" maxLength={500} className={inputClass} />
        </label>
      )}
    </ActionForm>
  );
}

export function StartDeployForm({ id, blocked }: { id: string; blocked: React.ReactNode }) {
  return (
    <div className="space-y-1">
      {blocked ? <p className="text-sm text-amber-800 dark:text-amber-200">{blocked}</p> : null}
      <ActionForm action={startDeployAction} hidden={{ id }} label="Start the deploy" success="Deploy started." buttons={[{ label: "Start deploy", tone: "primary" }]} />
    </div>
  );
}

export function FinishDeployForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={finishDeployAction}
      hidden={{ id }}
      label="Record the deploy result"
      success="Recorded."
      buttons={[
        { label: "Mark deployed", tone: "good", name: "result", value: "succeeded" },
        { label: "Mark failed", tone: "danger", name: "result", value: "failed" },
      ]}
    />
  );
}

/** Two steps: "Roll back…" opens the form, which says what will happen and asks for a reason before it is confirmed. */
export function RollBackForm({ id, target }: { id: string; target: string }) {
  return <Reveal label="Roll back…" className={buttonClass("plain")}>{(close) => <RollBackConfirm id={id} target={target} onKeep={close} />}</Reveal>;
}

function RollBackConfirm({ id, target, onKeep }: { id: string; target: string; onKeep: () => void }) {
  return (
    <ActionForm
      action={rollBackAction}
      hidden={{ id }}
      label="Roll back this promotion"
      success="Rolled back."
      buttons={[{ label: "Confirm roll back", tone: "danger" }]}
      after={
        <button type="button" className={buttonClass("plain")} onClick={onKeep}>
          Keep it
        </button>
      }
    >
      {(fields) => (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <strong className="font-semibold">Roll back?</strong> This records that the version was rolled back in {target}: the promotion ends as rolled back, its deploy is marked rolled back, and subscribers are notified. It cannot be undone.
          </p>
          <label className="block text-sm font-medium">
            Reason for the rollback
            <textarea name="reason" required minLength={5} maxLength={2000} rows={2} aria-invalid={fields.reason ? true : undefined} aria-describedby={fields.reason ? "reason-error" : undefined} className={inputClass} />
            <FieldError name="reason" fields={fields} />
          </label>
        </>
      )}
    </ActionForm>
  );
}
