import { Fragment, options, type FunctionComponent, type RenderableProps, type VNode } from 'preact'
import { useEffect, useReducer, useRef } from 'preact/hooks'

// The UI's state cells. A signal holds a value; whatever reads it (an effect, or a component
// while it renders) is told when it changes: effects run again, components re-render. This is
// the part of @preact/signals the UI used (signal, effect, batch), in a few lines instead of a
// dependency of ~8 kB minified.

/** Something that re-runs when a signal it read changes. */
interface Observer {
  notify(): void
  /** The signals read by the last run, so it can stop listening to them. */
  sources: Set<Signal<unknown>>
}

let current: Observer | undefined
let batchDepth = 0
const queued = new Set<Observer>()

export interface ReadonlySignal<T> {
  readonly value: T
}

export class Signal<T> implements ReadonlySignal<T> {
  #current: T
  readonly #observers = new Set<Observer>()

  constructor(value: T) {
    this.#current = value
  }

  get value(): T {
    if (current) {
      this.#observers.add(current)
      current.sources.add(this as Signal<unknown>)
    }
    return this.#current
  }

  set value(next: T) {
    if (next === this.#current) return
    this.#current = next
    for (const observer of [...this.#observers]) {
      if (batchDepth > 0) queued.add(observer)
      else observer.notify()
    }
  }

  /** Stops `observer` hearing about this signal. */
  forget(observer: Observer): void {
    this.#observers.delete(observer)
  }
}

export function signal<T>(value: T): Signal<T> {
  return new Signal(value)
}

function stopListening(observer: Observer): void {
  for (const source of observer.sources) source.forget(observer)
  observer.sources.clear()
}

/** Runs `fn` as `observer`, so the signals it reads (and only those) report to it. */
function track<T>(observer: Observer, fn: () => T): T {
  stopListening(observer)
  const outer = current
  current = observer
  try {
    return fn()
  } finally {
    current = outer
  }
}

/** Writes inside `fn` tell their observers once, when the outermost batch ends. */
export function batch<T>(fn: () => T): T {
  batchDepth += 1
  try {
    return fn()
  } finally {
    batchDepth -= 1
    if (batchDepth === 0) {
      const observers = [...queued]
      queued.clear()
      for (const observer of observers) observer.notify()
    }
  }
}

/**
 * Runs `fn` now and again whenever a signal it read changes, until the returned stop is called.
 * Its own writes are batched: other observers hear of them once it has finished.
 */
export function effect(fn: () => void): () => void {
  let stopped = false
  const observer: Observer = {
    sources: new Set(),
    notify: () => {
      if (!stopped) track(observer, () => batch(fn))
    },
  }
  observer.notify()
  return () => {
    stopped = true
    stopListening(observer)
  }
}

// Components: each function component renders as an observer, so reading `.value` in render
// subscribes it and a change re-renders it (through preact's own state, so renders batch).
const observed = new WeakMap<FunctionComponent, FunctionComponent>()

function observe<P>(component: FunctionComponent<P>): FunctionComponent<P> {
  function Observed(props: RenderableProps<P>) {
    const [, rerender] = useReducer((n: number) => n + 1, 0)
    const observer = useRef<Observer>()
    observer.current ??= { sources: new Set(), notify: () => rerender(undefined) }
    useEffect(() => () => stopListening(observer.current!), [])
    return track(observer.current, () => component(props))
  }
  Observed.displayName = component.displayName ?? component.name
  return Observed as FunctionComponent<P>
}

const previousVnodeHook = options.vnode
options.vnode = (vnode: VNode) => {
  const type = vnode.type as FunctionComponent | string
  // function components only: not elements, class components, or Fragment (which preact diffs specially)
  if (typeof type === 'function' && type !== Fragment && !type.prototype?.render) {
    let wrapped = observed.get(type)
    if (!wrapped) {
      wrapped = observe(type)
      observed.set(type, wrapped)
      observed.set(wrapped, wrapped)
    }
    vnode.type = wrapped
  }
  previousVnodeHook?.(vnode)
}
