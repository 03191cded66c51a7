// @vitest-environment happy-dom
import { render } from 'preact'
import { useState } from 'preact/hooks'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'

import { batch, effect, signal } from '../../ui/lib/signals'

describe('signals', () => {
  it('re-runs an effect when a signal it read changes, and no more once stopped', () => {
    const count = signal(1)
    const other = signal('a')
    const seen: number[] = []
    const stop = effect(() => void seen.push(count.value))
    other.value = 'b'
    count.value = 2
    count.value = 2
    stop()
    count.value = 3
    expect(seen).toEqual([1, 2])
  })

  it('follows only what the last run read', () => {
    const useFirst = signal(true)
    const first = signal('x')
    const second = signal('y')
    const seen: string[] = []
    effect(() => void seen.push(useFirst.value ? first.value : second.value))
    useFirst.value = false
    first.value = 'x2'
    second.value = 'y2'
    expect(seen).toEqual(['x', 'y', 'y2'])
  })

  it('tells observers once at the end of the outermost batch', () => {
    const a = signal(0)
    const b = signal(0)
    const seen: string[] = []
    effect(() => void seen.push(`${a.value}/${b.value}`))
    const result = batch(() => {
      a.value = 1
      batch(() => {
        b.value = 1
      })
      expect(seen).toEqual(['0/0'])
      return 'done'
    })
    expect(result).toBe('done')
    expect(seen).toEqual(['0/0', '1/1'])
  })

  it("lets other effects hear of an effect's writes only once it has finished", () => {
    const source = signal(0)
    const first = signal(0)
    const second = signal(0)
    const seen: string[] = []
    effect(() => void seen.push(`heard ${first.value}/${second.value}`))
    effect(() => {
      first.value = source.value
      seen.push('wrote first')
      second.value = source.value
    })
    source.value = 1
    // never "heard 1/0": the two writes arrive together
    expect(seen).toEqual(['heard 0/0', 'wrote first', 'wrote first', 'heard 1/1'])
  })
})

describe('signals in components', () => {
  const container = document.createElement('div')
  afterEach(() => render(null, container))

  it('re-renders a component that read a signal, not one that did not, and keeps its hooks', async () => {
    const name = signal('Ada')
    const renders = { reader: 0, bystander: 0 }
    function Reader() {
      renders.reader += 1
      const [suffix] = useState('!')
      return <p id="reader">{name.value + suffix}</p>
    }
    function Bystander() {
      renders.bystander += 1
      return <p>static</p>
    }
    act(() => render(<><Reader /><Bystander /></>, container))
    await act(() => {
      name.value = 'Grace'
    })
    expect(container.querySelector('#reader')?.textContent).toBe('Grace!')
    expect(renders).toEqual({ reader: 2, bystander: 1 })
  })

  it('stops re-rendering a component once it is unmounted', async () => {
    const name = signal('Ada')
    let renders = 0
    function Reader() {
      renders += 1
      return <p>{name.value}</p>
    }
    act(() => render(<Reader />, container))
    act(() => render(null, container))
    await act(() => {
      name.value = 'Grace'
    })
    expect(renders).toBe(1)
  })
})
