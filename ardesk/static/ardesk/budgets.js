/* The profitability whale curve (Apache ECharts): cumulative net contribution, customers ranked best first. */
(function () {
  function draw() {
    var source = document.getElementById("whale-chart-data");
    var node = document.getElementById("whale-chart");
    if (!source || !node || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 24, bottom: 28, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", name: data.x, nameLocation: "middle", nameGap: 24, min: 1 },
      yAxis: { type: "value", name: data.y, axisLabel: { formatter: "{value}%" } },
      series: [{ type: "line", showSymbol: false, itemStyle: { color: "#2f6fae" }, areaStyle: { opacity: 0.12 },
                 data: data.points.map(function (p) { return [p[0], Number(p[1])]; }),
                 markLine: { silent: true, symbol: "none", data: [{ yAxis: 100 }] } }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
