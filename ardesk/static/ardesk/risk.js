/* The risk portfolio's charts (Apache ECharts): exposure by grade (bars) and by industry (pie). */
(function () {
  function draw() {
    var source = document.getElementById("risk-charts-data");
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var charts = [];
    var gradeNode = document.getElementById("risk-grade-chart");
    if (gradeNode && data.grade) {
      var grade = echarts.init(gradeNode);
      grade.setOption({
        animation: false,
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: data.grade.labels },
        yAxis: { type: "value", min: 0, axisLabel: { formatter: window.ardeskCharts.compact } },
        series: [{ name: data.grade.name, type: "bar", itemStyle: { color: "#2f6fae" }, data: data.grade.values.map(Number) }]
      });
      charts.push(grade);
    }
    var industryNode = document.getElementById("risk-industry-chart");
    if (industryNode && data.industry) {
      var industry = echarts.init(industryNode);
      industry.setOption({
        animation: false,
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: ["35%", "70%"],
                   data: data.industry.map(function (d) { return { name: d.name, value: Number(d.value) }; }) }]
      });
      charts.push(industry);
    }
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
