// Draws the charts of a page from their data attributes (labels and values, comma-separated;
// data-values2 and data-name2 add a second series, such as supply beside demand).
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") return;
  document.querySelectorAll(".zg-chart").forEach(function (el) {
    var labels = (el.dataset.labels || "").split(",");
    var values = (el.dataset.values || "").split(",").map(Number);
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: el.dataset.kind === "bar" ? 70 : 30 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: labels, axisLabel: { rotate: el.dataset.kind === "bar" ? 40 : 0 } },
      yAxis: { type: "value" },
      legend: el.dataset.values2 ? { top: 0 } : undefined,
      series: [{ name: el.dataset.name, type: el.dataset.kind || "line", data: values }].concat(
        el.dataset.values2
          ? [{ name: el.dataset.name2, type: el.dataset.kind || "line",
               data: el.dataset.values2.split(",").map(Number) }]
          : [])
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
