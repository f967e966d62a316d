// GOV.UK Frontend's body classes, set before the page paints (a file, not inline, so the
// Content-Security-Policy needs no 'unsafe-inline').
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
