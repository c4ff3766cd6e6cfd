/* Dashboard charts (Apache ECharts): every bar opens the list of items behind it. */
(function () {
  function draw() {
    var source = document.getElementById("dashboard-data");
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    // Unapplied credit is not an age band: it stays in the table under the chart, so a small
    // negative amount neither draws a bar below zero nor stretches the axis.
    var bars = data.bars.filter(function (b) { return !b.unapplied; });
    var agingNode = document.getElementById("aging-chart");
    var aging = echarts.init(agingNode);
    aging.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 10, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: bars.map(function (b) { return b.label; }), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", min: 0, axisLabel: { formatter: window.ardeskCharts.compact } },
      series: [{
        type: "bar",
        data: bars.map(function (b) {
          return { value: Number(b.amount), itemStyle: { color: b.overdue ? "#b42318" : "#2f6fae" } };
        })
      }]
    });
    aging.on("click", function (event) { window.location.href = bars[event.dataIndex].url; });
    var trendNode = document.getElementById("dso-chart");
    var trend = echarts.init(trendNode);
    trend.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 10, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.trend.map(function (t) { return t.month; }) },
      yAxis: { type: "value" },
      series: [{ type: "line", smooth: true, data: data.trend.map(function (t) { return t.dso === null ? null : Number(t.dso); }) }]
    });
    window.addEventListener("resize", function () { aging.resize(); trend.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
