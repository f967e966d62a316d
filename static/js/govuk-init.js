// Starts every GOV.UK Frontend component on the page.
import { initAll } from '../govuk/govuk-frontend.min.js'

// crispy-forms-gds marks radios that may reveal a follow-up question with aria-controls,
// whether or not that radio has one; GOV.UK Frontend looks for data-aria-controls and
// sets aria-controls itself once the reveal works. Without JavaScript every follow-up
// question simply stays in view.
const revealing = []
for (const input of document.querySelectorAll('.govuk-radios__input[aria-controls]')) {
  const target = input.getAttribute('aria-controls')
  input.removeAttribute('aria-controls')
  if (document.getElementById(target)) {
    input.setAttribute('data-aria-controls', target)
    revealing.push(input)
  }
}

// GOV.UK Frontend also marks each such radio aria-expanded, which ARIA does not allow on
// a radio button; the revealed question follows the radio, so nothing is lost without it.
const notExpandable = new MutationObserver((records) => {
  for (const record of records) {
    if (record.target.hasAttribute('aria-expanded')) {
      record.target.removeAttribute('aria-expanded')
    }
  }
})
for (const input of revealing) {
  notExpandable.observe(input, { attributes: true, attributeFilter: ['aria-expanded'] })
}

initAll()
