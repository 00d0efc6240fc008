// Cordova runtime stand-in (the real cordova.js is the platform bridge)
window.cordova = window.cordova || {};
