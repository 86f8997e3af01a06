package merge

import "testing"

// FuzzFiles: any three versions either fail to merge with an error, or
// merge without panicking into a file whose marked conflicts can be read
// back.
func FuzzFiles(f *testing.F) {
	f.Add([]byte(base), []byte(base+review("2026-03-05T09:00:00Z", "w-ana", "x")), []byte(base))
	f.Add([]byte(base), []byte("id: C-1\nphase: a\n"), []byte("id: C-1\nphase: b\n"))
	f.Add([]byte(""), []byte("history: [1, 2]\n"), []byte("history:\n  - at: x\n"))
	f.Fuzz(func(t *testing.T, b, o, th []byte) {
		out, conflicts, err := Files(casePath, b, o, th)
		if err != nil {
			return
		}
		if len(conflicts) > 0 && len(Conflicts(out)) == 0 {
			t.Fatalf("conflicts %v but no markers in:\n%s", conflicts, out)
		}
	})
}

// FuzzConflicts: reading the markers of any file does not panic.
func FuzzConflicts(f *testing.F) {
	f.Add([]byte("a: 1\n<<<<<<< ours: a\nb: 2\n=======\nb: 3\n>>>>>>> theirs: a\n"))
	f.Add([]byte("<<<<<<< ours\n=======\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Conflicts(data)
		Sides(data)
	})
}
