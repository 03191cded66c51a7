import { useEffect, useState } from 'preact/hooks'

import { isActive, progressText } from '../generation/run-state'
import { confirmText } from '../history/cost-text'
import { keySaved } from '../state/key-check'
import { needsConfirmation } from '../state/spend-confirm'
import type { App } from '../create-app'
import { generateBlocker } from '../state/readiness'
import { selectionText } from '../state/selection-text'
import { sentItems } from '../state/sent-items'
import { currentTags } from '../state/tags'
import { OnboardingCard } from './onboarding-card'
import { CostLine } from './cost-line'
import { CountField } from './count-field'
import { ErrorBanner } from './error-banner'
import { GenerateBar } from './generate-bar'
import { KeyCheckLine } from './key-check-line'
import { PromptField } from './prompt-field'
import { RecordCard } from './record-card'
import { ReferenceStrip } from './reference-strip'
import { ResultsPanel } from './results-panel'
import { RecoveryReport } from './recovery-report'
import { RunProgress } from './run-progress'
import { SelectionMessage } from './selection-message'
import { SizePicker } from './size-picker'

// The generate form: what still needs doing (key, consent), the references, the prompt,
// size and count, and the run itself in a footer that stays in view. It is drawn before the
// sandbox's `init`: the prompt can be typed at once, while the key and consent cards, size,
// count and cost wait for what `init` says (a first run's key card must not flash by on
// every later launch), and Generate stays disabled until then.

const LOADING_REASON = 'Loading your settings…'

export function MainView({ app }: { app: App }) {
  const { state, actions, controller } = app
  const ready = state.ready.value
  const run = controller.run.value
  const running = isActive(run)
  const selection = state.selection.value
  // the sandbox reports the first selection (id 1 onwards) only after `init`
  const selectionKnown = selection.selectionId >= 0
  const explanation = selectionText(selection.state, state.editorType.value)
  const references = state.references.value
  const style = state.style.value
  const hasReferences = references.candidates.length > 0 || style !== null
  const lastRun = state.lastRun.value
  const selected = state.selectedRecord.value
  const error = state.notice.value ?? run?.error ?? null
  const sent = sentItems(state)
  const tags = currentTags(state)
  const tagOf = new Map(sent.map((item, i) => [item.nodeId, tags[i] ?? '']))
  const blocker = running ? null : ready ? generateBlocker(state) : LOADING_REASON
  const count = state.count.value
  // The count a pending "Generate 12?" is about; a changed count, or anything that stops
  // Generate, withdraws the question rather than leaving it to come back unasked.
  const [asking, setAsking] = useState<number | null>(null)
  useEffect(() => setAsking(null), [count, blocker])
  const question =
    asking !== null && !running && blocker === null ? confirmText(asking, app.history.spend.value.lastPricePerImage) : null

  function generate() {
    if (running || !state.ready.value || generateBlocker(state) !== null) return
    if (needsConfirmation(state.count.value, state.settings.value.confirmAbove)) setAsking(state.count.value)
    else void actions.generate()
  }

  function confirm() {
    setAsking(null)
    if (!running && state.ready.value && generateBlocker(state) === null) void actions.generate()
  }

  return (
    <>
      <main class="view">
        {ready && (!state.apiKey.value || !state.settings.value.consentGiven) && (
          <OnboardingCard
            hasKey={state.apiKey.value !== null}
            consentGiven={state.settings.value.consentGiven}
            check={state.keyCheck.value}
            onSaveKey={actions.saveKey}
            onEditKey={actions.editKey}
            onAccept={actions.acknowledgeConsent}
          />
        )}
        {ready && state.apiKey.value && keySaved(state.keyCheck.value) && <KeyCheckLine check={state.keyCheck.value} />}
        {selected && (
          <RecordCard
            record={selected.record}
            onUse={() => actions.useRecord(selected.record)}
            onSelectReferences={() => void actions.selectReferencesOf(selected.record)}
            onMoreLikeThis={selected.nodeId && !running ? () => void actions.moreLikeThis(selected.nodeId!, selected.record) : undefined}
          />
        )}
        <section class="section" aria-labelledby="references-title">
          <div class="label-row">
            <h2 id="references-title" class="section-title">
              References
            </h2>
            {selectionKnown && hasReferences && (
              <button
                type="button"
                class="link-button"
                title="Export the references again after editing them"
                onClick={actions.refreshReferences}
              >
                Refresh
              </button>
            )}
          </div>
          {!selectionKnown ? (
            <p class="hint">Reading the selection…</p>
          ) : (
            <>
              {explanation && references.candidates.length === 0 && <SelectionMessage text={explanation} />}
              {hasReferences && (
                <ReferenceStrip
                  references={references}
                  style={style}
                  images={state.images.value}
                  editor={state.editorType.value}
                  onToggle={app.references.toggle}
                  onPin={app.references.pin}
                  onUnpin={app.references.unpin}
                  tagOf={tagOf}
                  onRenameTag={actions.renameTag}
                />
              )}
            </>
          )}
        </section>
        {lastRun && (
          <ResultsPanel
            run={lastRun}
            images={state.images.value}
            busy={running}
            onMoreLikeThis={(nodeId) => void actions.moreLikeThis(nodeId, { prompt: lastRun.prompt, ...lastRun.size })}
            onUse={(nodeId) => void app.references.use(nodeId)}
            onShow={(nodeId) => void actions.show(nodeId)}
          />
        )}
        <PromptField
          value={state.prompt.value}
          onInput={actions.setPrompt}
          onSubmit={generate}
          tags={tags}
          names={sent.map((item) => item.name)}
        />
        <SizePicker
          value={ready ? state.size.value : null}
          onPick={actions.pickSize}
          onMatchReference={actions.matchReference}
          canMatch={hasReferences}
        />
        <CountField value={ready ? state.count.value : null} note={state.countNote.value} onChange={actions.setCount} />
        {ready && <CostLine history={app.history} count={count} runId={run?.runId ?? null} />}
      </main>
      <footer class="footer">
        {error && <ErrorBanner error={error} onDismiss={actions.dismissError} />}
        {run && <RunProgress run={run} />}
        <RecoveryReport recovery={app.recovery} />
        <p class="status-line" role="status" aria-live="polite">
          {run ? progressText(run) : ''}
        </p>
        <GenerateBar
          blocker={blocker}
          running={running}
          cancelling={run?.phase === 'cancelling'}
          question={question}
          onGenerate={generate}
          onConfirm={confirm}
          onDismissQuestion={() => setAsking(null)}
          onCancel={actions.cancel}
        />
      </footer>
    </>
  )
}
