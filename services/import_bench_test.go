package services_test

import (
	"bytes"
	"fmt"
	"iter"
	"testing"
	"time"

	"kntc/imports"
	"kntc/models"
	"kntc/services"
)

// registerRows yields n plausible register rows over 2021 and 2022: every
// source, domain, kind and outcome, a third of them still unhandled, a
// real date cell in every other row.
func registerRows(n int) iter.Seq[[]any] {
	sources, domains, kinds := models.Sources(), models.Domains(), models.Kinds()
	outcomes := models.Outcomes()
	return func(yield func([]any) bool) {
		start := time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)
		for i := range n {
			day := start.AddDate(0, 0, i%520)
			var received any = day.Format("02/01/2006")
			if i%2 == 0 {
				received = day
			}
			source := sources[i%len(sources)].Label()
			if sources[i%len(sources)] == models.SourceForwarded {
				source = "chuyển đến: Ban Tiếp công dân tỉnh"
			}
			row := []any{received, source, fmt.Sprintf("Công dân số %d", i), fmt.Sprintf("%012d", 79000000000+i),
				fmt.Sprintf("Ấp %d, xã Thạnh Tân, Tây Ninh", i%40), 1 + i%3, fmt.Sprintf("Đề nghị giải quyết tranh chấp đất đai, hồ sơ %d", i),
				"", "", "", "", "", ""}
			if i%3 != 0 {
				row[7], row[8] = domains[i%len(domains)].Label(), kinds[i%len(kinds)].Label()
			}
			if i%3 == 2 {
				outcome := outcomes[i%len(outcomes)]
				row[9], row[10] = outcome.Label(), day.AddDate(0, 0, 5).Format("2006-01-02")
				if outcome == models.OutcomeTransferred {
					row[11] = "UBND huyện Gò Dầu"
				}
			}
			if !yield(row) {
				return
			}
		}
	}
}

// BenchmarkImport50k imports a 50,000-row workbook made by the template
// writer into an empty database; one op is the whole import, from the
// workbook's bytes to the committed transaction.
func BenchmarkImport50k(b *testing.B) {
	const n = 50_000
	var buf bytes.Buffer
	if err := imports.WriteTemplate(&buf, registerRows(n)); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(buf.Len())/(1<<20), "MiB/file")
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		e := newImEnv(b)
		b.StartTimer()
		rep, err := e.svc.ImportLetters(imAs(models.RoleLegal), bytes.NewReader(buf.Bytes()), services.ImportOptions{FileName: "bench.xlsx"})
		if err != nil || rep.Created != n {
			b.Fatalf("created %d of %d: %v (first errors %+v)", rep.Created, n, err, rep.Errors[:min(3, len(rep.Errors))])
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
