package report

// Doc is a report laid out for reading, before it is written as Markdown
// or HTML: each report builds one, and each format writes any Doc, so what
// a report says is decided once.
type Doc struct {
	Title string
	// Intro is a paragraph under the title.
	Intro    string
	Sections []Section
}

// Section is a titled part of a Doc: paragraphs, then charts, then tables.
type Section struct {
	Heading string
	Text    []string
	Charts  []Chart
	Tables  []Table
}

// Table is a table with a header row.
type Table struct {
	Header []string
	Rows   [][]string
}

// ChartKind is the kind of a chart.
type ChartKind int

const (
	// Lines draws each series as a line over the labels (a trend).
	Lines ChartKind = iota
	// Bars draws each series as bars over the labels.
	Bars
	// Shares draws one series as parts of a whole: a pie in Markdown, a
	// stacked bar in HTML.
	Shares
)

// Chart is a chart of one or more series over a list of labels.
type Chart struct {
	Kind   ChartKind
	Title  string
	YLabel string
	Labels []string
	Series []Series
}

// Series is one named list of values, one for each label of its chart.
type Series struct {
	Name   string
	Values []float64
}

// Pack joins reports into one document under title, as a board pack: each
// report becomes a section carrying its own title and introduction,
// followed by its sections as they are.
func Pack(title, intro string, docs ...Doc) Doc {
	pack := Doc{Title: title, Intro: intro}
	for _, d := range docs {
		head := Section{Heading: d.Title}
		if d.Intro != "" {
			head.Text = []string{d.Intro}
		}
		pack.Sections = append(pack.Sections, head)
		pack.Sections = append(pack.Sections, d.Sections...)
	}
	return pack
}
