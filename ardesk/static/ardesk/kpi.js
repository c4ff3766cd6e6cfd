/* The KPI report's monthly trend (Apache ECharts): DSO, countback DSO and ADD in days; CEI and overdue in %. */
(function () {
  function draw() {
    var source = document.getElementById("kpi-trend-data");
    var node = document.getElementById("kpi-trend-chart");
    if (!source || !node || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    if (!data) return;
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.months },
      yAxis: [{ type: "value", name: data.axes[0] }, { type: "value", name: data.axes[1], splitLine: { show: false } }],
      series: data.series.map(function (s) {
        return {
          name: s.name, type: "line", yAxisIndex: s.axis, connectNulls: false,
          lineStyle: s.axis ? { type: "dashed" } : undefined,
          data: s.data.map(function (v) { return v === null ? null : Number(v); })
        };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
