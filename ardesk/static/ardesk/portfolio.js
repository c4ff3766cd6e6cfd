/* The credit portfolio's exposure and limits by grade (Apache ECharts), best grade first. */
(function () {
  function draw() {
    var source = document.getElementById("grade-chart-data");
    var node = document.getElementById("grade-chart");
    if (!source || !node || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.grades },
      yAxis: { type: "value", min: 0, axisLabel: { formatter: window.ardeskCharts.compact } },
      series: data.series.map(function (s, n) {
        return { name: s.name, type: "bar", itemStyle: { color: n ? "#9fb3c8" : "#2f6fae" },
                 data: s.data.map(Number) };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
