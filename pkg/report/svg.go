package report

import (
	"bytes"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// palette is a set of colours that stay distinct in print and for the
// common forms of colour blindness (Okabe and Ito).
var palette = []color.Color{
	color.RGBA{0, 114, 178, 255},
	color.RGBA{230, 159, 0, 255},
	color.RGBA{0, 158, 115, 255},
	color.RGBA{204, 121, 167, 255},
	color.RGBA{86, 180, 233, 255},
	color.RGBA{213, 94, 0, 255},
	color.RGBA{240, 228, 66, 255},
	color.RGBA{0, 0, 0, 255},
}

// chartSVG draws a chart as an SVG document with gonum/plot: lines for a
// trend, grouped bars, or one bar stacked by share.
func chartSVG(c Chart) ([]byte, error) {
	p := plot.New()
	p.Title.Text = c.Title
	p.Y.Label.Text = c.YLabel
	p.Legend.Top = true
	switch c.Kind {
	case Lines:
		for i, s := range c.Series {
			pts := make(plotter.XYs, len(s.Values))
			for j, v := range s.Values {
				pts[j] = plotter.XY{X: float64(j), Y: v}
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				return nil, err
			}
			l.Color = palette[i%len(palette)]
			l.Width = vg.Points(1.5)
			p.Add(l)
			p.Legend.Add(s.Name, l)
		}
		p.NominalX(c.Labels...)
		p.Y.Min = 0
	case Bars:
		w := vg.Points(36 / float64(max(len(c.Series), 1)))
		for i, s := range c.Series {
			b, err := plotter.NewBarChart(plotter.Values(s.Values), w)
			if err != nil {
				return nil, err
			}
			b.Color = palette[i%len(palette)]
			b.LineStyle.Width = 0
			b.Offset = w * vg.Length(float64(i)-float64(len(c.Series)-1)/2)
			p.Add(b)
			p.Legend.Add(s.Name, b)
		}
		p.NominalX(c.Labels...)
	case Shares:
		var below *plotter.BarChart
		for i, l := range c.Labels {
			b, err := plotter.NewBarChart(plotter.Values{c.Series[0].Values[i]}, vg.Points(40))
			if err != nil {
				return nil, err
			}
			b.Horizontal = true
			b.Color = palette[i%len(palette)]
			b.LineStyle.Width = 0
			if below != nil {
				b.StackOn(below)
			}
			below = b
			p.Add(b)
			p.Legend.Add(l, b)
		}
		p.HideY()
		p.X.Min = 0
	default:
		return nil, fmt.Errorf("unknown chart kind %d", c.Kind)
	}
	p.X.Tick.Label.Rotation = 0.6
	p.X.Tick.Label.XAlign = -1
	wt, err := p.WriterTo(16*vg.Centimeter, 8*vg.Centimeter, "svg")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return nil, err
	}
	return svgBody(buf.Bytes()), nil
}

// svgBody drops the XML declaration and doctype gonum writes before the
// <svg> element, so the drawing can stand inline in an HTML page.
func svgBody(doc []byte) []byte {
	if i := bytes.Index(doc, []byte("<svg")); i > 0 {
		return doc[i:]
	}
	return doc
}
