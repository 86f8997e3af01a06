package household

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
)

// EcoMap draws the client's eco-map as a Mermaid flowchart, which GitHub
// and GitLab render: the client at the centre, the current household
// around them, and the current network, each tie drawn by its strength
// (strong a thick line, moderate a plain one, weak a dotted one,
// stressful a dotted red line marked "stressful"). With anonymous, people
// are named by their relationship only.
func EcoMap(c *casefile.Case, anonymous bool) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	client := "Client"
	if !anonymous && c.Client.Name != "" {
		client = c.Client.Name
	}
	fmt.Fprintf(&b, "    client((%s))\n", label(client))
	var members []casefile.Member
	for _, m := range c.Household {
		if m.Current() {
			members = append(members, m)
		}
	}
	if len(members) > 0 {
		b.WriteString("    subgraph household [Household]\n")
		for _, m := range members {
			fmt.Fprintf(&b, "        %s[%s]\n", m.ID, label(person(m.Name, m.Relationship, anonymous)))
		}
		b.WriteString("    end\n")
	}
	links := 0
	var stressful []int
	for _, m := range members {
		line := "---"
		if m.LivesWith {
			line = "==="
		}
		fmt.Fprintf(&b, "    client %s %s\n", line, m.ID)
		links++
	}
	for _, kind := range casefile.ContactKinds {
		var group []casefile.Contact
		for _, n := range c.Network {
			if n.Current() && n.Kind == kind {
				group = append(group, n)
			}
		}
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(&b, "    subgraph %s [%s network]\n", kind, strings.ToUpper(kind[:1])+kind[1:])
		for _, n := range group {
			name := person(n.Name, n.Relationship, anonymous)
			if n.Organisation != "" && !anonymous {
				name += ", " + n.Organisation
			}
			fmt.Fprintf(&b, "        %s[%s]\n", n.ID, label(name))
		}
		b.WriteString("    end\n")
		for _, n := range group {
			switch n.Strength {
			case casefile.TieStrong:
				fmt.Fprintf(&b, "    client === %s\n", n.ID)
			case casefile.TieWeak:
				fmt.Fprintf(&b, "    client -.- %s\n", n.ID)
			case casefile.TieStressful:
				fmt.Fprintf(&b, "    client -. stressful .- %s\n", n.ID)
				stressful = append(stressful, links)
			default:
				fmt.Fprintf(&b, "    client --- %s\n", n.ID)
			}
			links++
		}
	}
	for _, i := range stressful {
		fmt.Fprintf(&b, "    linkStyle %d stroke:#d55e00,stroke-width:2px\n", i)
	}
	return b.String()
}

// person names someone by name and relationship, or by relationship alone.
func person(name, relationship string, anonymous bool) string {
	if anonymous || name == "" {
		return relationship
	}
	return name + " (" + relationship + ")"
}

// label quotes text for a Mermaid node, keeping it from breaking the
// diagram: quotes and brackets become look-alikes, line breaks spaces,
// other control characters escaped (safetext), so none reaches the
// terminal the diagram is printed on.
func label(s string) string {
	s = strings.NewReplacer(`"`, "'", "\n", " ", "\r", " ", "[", "(", "]", ")", "<", "‹", ">", "›", "`", "'").Replace(s)
	return `"` + safetext.Escape(s) + `"`
}
