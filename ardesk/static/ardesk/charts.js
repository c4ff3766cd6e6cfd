/* Shared chart helpers: amounts on an axis in the page's language, compactly (1.2M, 120万). */
window.ardeskCharts = {
  compact: function (value) {
    var lang = document.documentElement.lang || "en";
    return new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
};
