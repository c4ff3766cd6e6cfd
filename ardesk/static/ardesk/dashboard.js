/* Dashboard charts (Apache ECharts): every bar opens the list of items behind it. */
(function () {
  function draw() {
    var source = document.getElementById("dashboard-data");
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var agingNode = document.getElementById("aging-chart");
    var aging = echarts.init(agingNode);
    aging.setOption({
      animation: false,
      grid: { left: 90, right: 16, top: 10, bottom: 40 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.bars.map(function (b) { return b.label; }), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value" },
      series: [{
        type: "bar",
        data: data.bars.map(function (b) {
          return { value: Number(b.amount), itemStyle: { color: b.overdue ? "#b42318" : "#2f6fae" } };
        })
      }]
    });
    aging.on("click", function (event) { window.location.href = data.bars[event.dataIndex].url; });
    var trendNode = document.getElementById("dso-chart");
    var trend = echarts.init(trendNode);
    trend.setOption({
      animation: false,
      grid: { left: 50, right: 16, top: 10, bottom: 30 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.trend.map(function (t) { return t.month; }) },
      yAxis: { type: "value" },
      series: [{ type: "line", smooth: true, data: data.trend.map(function (t) { return t.dso === null ? null : Number(t.dso); }) }]
    });
    window.addEventListener("resize", function () { aging.resize(); trend.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
