// figma.notify as a person sees it: a toast at the bottom of the canvas for its timeout.

export interface ToastOptions {
  error?: boolean
  timeout?: number
}

const DEFAULT_TIMEOUT_MS = 3000

export function showToast(container: HTMLElement, message: string, options: ToastOptions = {}): void {
  const toast = document.createElement('div')
  toast.className = options.error ? 'toast error' : 'toast'
  toast.textContent = message
  container.appendChild(toast)
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS
  if (Number.isFinite(timeout)) window.setTimeout(() => toast.remove(), timeout)
}
