/* Insights charts: the back-test (forecast against actual) and the 13-week forecast with its interval. */
(function () {
  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function draw() {
    if (!window.echarts) { return; }
    var compact = window.ardeskCharts ? window.ardeskCharts.compact : String;
    var back = read("backtest-data");
    var backNode = document.getElementById("backtest-chart");
    if (back && backNode && back.weeks) {
      echarts.init(backNode).setOption({
        tooltip: { trigger: "axis" },
        legend: { data: [back.labels.forecast, back.labels.actual] },
        xAxis: { type: "category", data: back.weeks },
        yAxis: { type: "value", axisLabel: { formatter: compact } },
        series: [
          { name: back.labels.forecast, type: "line", data: back.forecast },
          { name: back.labels.actual, type: "bar", data: back.actual }
        ]
      });
    }
    var ahead = read("forecast-data");
    var aheadNode = document.getElementById("forecast-chart");
    if (ahead && aheadNode && ahead.groups && ahead.groups.length) {
      var g = ahead.groups[0];
      echarts.init(aheadNode).setOption({
        tooltip: { trigger: "axis" },
        legend: { data: [ahead.labels.expected, ahead.labels.low, ahead.labels.high] },
        xAxis: { type: "category", data: g.weeks },
        yAxis: { type: "value", axisLabel: { formatter: compact } },
        series: [
          { name: ahead.labels.expected, type: "bar", data: g.expected },
          { name: ahead.labels.low, type: "line", data: g.low },
          { name: ahead.labels.high, type: "line", data: g.high }
        ]
      });
    }
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
