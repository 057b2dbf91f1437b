// Audience measurement with Matomo, loaded only when the service is configured for it.
// Cookie-less (disableCookies): no identifier is stored on the visitor's device, so no consent
// banner is needed (CNIL exemption for audience measurement). Settings come from this tag's
// data attributes, so no inline script is needed and the CSP stays strict.
(function () {
  var tag = document.currentScript;
  if (!tag) return;
  var base = tag.getAttribute('data-matomo-url');
  var siteId = tag.getAttribute('data-site-id');
  if (!base || !siteId) return;
  var queue = (window._paq = window._paq || []);
  queue.push(['disableCookies']);
  queue.push(['setTrackerUrl', base + 'matomo.php']);
  queue.push(['setSiteId', siteId]);
  queue.push(['trackPageView']);
  queue.push(['enableLinkTracking']);
  var loader = document.createElement('script');
  loader.async = true;
  loader.src = base + 'matomo.js';
  document.head.appendChild(loader);
})();
