"Every bad-input case gets one clear DataError naming the file, the row or column, and a fix."
import gzip, h5py, numpy as np, pytest
from pathlib import Path
from degu.data import (DataError, read_table, read_fasta, read_fasta_activity, read_h5, write_h5, one_hot,
                       load_dataset, SeqDataset)

def _tsv(tmp_path, text, name='d.tsv'):
    p = tmp_path/name; p.write_text(text); return p

def test_bad_character(tmp_path):
    p = _tsv(tmp_path, 'seq\ty\nACGT\t1\nACZT\t2\n')
    with pytest.raises(DataError, match=r"d.tsv: row 1, position 2: character 'Z' is not one of A, C, G, T, N"):
        read_table(p)

def test_ragged_lengths_error_by_default(tmp_path):
    p = _tsv(tmp_path, 'seq\ty\nACGT\t1\nACGTA\t2\nACGT\t3\n')
    with pytest.raises(DataError, match=r"row 1 has length 5, but most sequences have length 4.*ragged='pad'"):
        read_table(p)

def test_ragged_lengths_explicit_policy(tmp_path):
    p = _tsv(tmp_path, 'seq\ty\nACGT\t1\nACGTAA\t2\n')
    x, *_ = read_table(p, ragged='pad');  assert x.shape == (2, 6, 4) and x[0].sum() == 4
    x, *_ = read_table(p, ragged='trim'); assert x.shape == (2, 4, 4)

def test_nan_target(tmp_path):
    p = _tsv(tmp_path, 'id\tseq\tact\ns1\tACGT\t1\ns2\tACGT\tnan\n')
    with pytest.raises(DataError, match=r"d.tsv: row 1 \(s2\), column 'act': target is nan"):
        read_table(p, id_col='id')

def test_inf_target(tmp_path):
    p = _tsv(tmp_path, 'seq\tact\nACGT\tinf\nACGT\t1\n')
    with pytest.raises(DataError, match=r"row 0 \(0\), column 'act': target is inf"):
        read_table(p)

def test_xy_count_mismatch(tmp_path):
    fa = _tsv(tmp_path, '>a\nACGT\n>b\nACGT\n', 'Sequences_Train.fa')
    act = _tsv(tmp_path, 'Dev_log2_enrichment\tHk_log2_enrichment\n1\t2\n', 'Sequences_activity_Train.txt')
    with pytest.raises(DataError, match=r"Sequences_Train.fa has 2 sequences but .*Sequences_activity_Train.txt has 1 rows"):
        read_fasta_activity(fa, act)

def test_empty_table(tmp_path):
    with pytest.raises(DataError, match=r"e.tsv: the file is empty"):
        read_table(_tsv(tmp_path, '', 'e.tsv'))

def test_empty_fasta(tmp_path):
    with pytest.raises(DataError, match=r"e.fa: the file is empty \(no FASTA records\)"):
        read_fasta(_tsv(tmp_path, '\n', 'e.fa'))

def test_missing_column(tmp_path):
    p = _tsv(tmp_path, 'sequence\tact\nACGT\t1\n')
    with pytest.raises(DataError, match=r"column 'seq' \(from seq_col\) not found. Columns are: \['sequence', 'act'\]"):
        read_table(p)

def test_missing_target_column(tmp_path):
    p = _tsv(tmp_path, 'seq\tact\nACGT\t1\n')
    with pytest.raises(DataError, match=r"column 'activity' \(from target_cols\) not found"):
        read_table(p, target_cols=['activity'])

def test_unknown_hdf5_layout(tmp_path):
    p = tmp_path/'u.h5'
    with h5py.File(p, 'w') as f: f['seqs'] = np.zeros((2, 4, 4)); f['labels'] = np.zeros(2)
    with pytest.raises(DataError, match=r"unknown HDF5 layout: top-level keys are \['labels', 'seqs'\]"):
        read_h5(p)

def _small_h5(tmp_path):
    mk = lambda n: dict(x=one_hot(['ACGTACGTAC']*n), y=np.ones((n, 1)))
    p = tmp_path/'ok.h5'
    write_h5(SeqDataset({'train': mk(200), 'valid': mk(20), 'test': mk(20)}), p, compression=None)
    return p

def test_truncated_hdf5(tmp_path):
    p = _small_h5(tmp_path); b = p.read_bytes(); p.write_bytes(b[:len(b)//2])
    with pytest.raises(DataError, match=r"ok.h5: .*truncated or corrupt"):
        read_h5(p)

def test_corrupt_hdf5(tmp_path):
    p = tmp_path/'bad.h5'; p.write_bytes(b'this is not an HDF5 file' * 10)
    with pytest.raises(DataError, match=r"bad.h5: cannot be read as HDF5 .* truncated or corrupt, or not HDF5"):
        read_h5(p)

def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"nope.tsv: file not found"):
        read_table(tmp_path/'nope.tsv')

def test_unknown_dataset_name():
    with pytest.raises(DataError, match=r"unknown data set 'lentimpra'"):
        load_dataset('lentimpra')

def test_missing_rows_dropped_by_config(tmp_path):
    "data.missing: drop reaches read_table from a config: rows without a sequence or a target leave, with a warning."
    from degu.config import validate_config
    from degu.pipeline import load_data
    rng = np.random.default_rng(0)
    rows = [f"e{i}\t{''.join(rng.choice(list('ACGT'), 20))}\t{'NA' if i % 7 == 3 else i}\n" for i in range(60)]
    rows[11] = 'e11\t\t1.5\n'                                       # no sequence
    p = _tsv(tmp_path, 'id\tseq\tact\n' + ''.join(rows))
    cfg = validate_config({'data': {'source': str(p), 'id_col': 'id', 'target_cols': ['act']}})
    with pytest.raises(DataError, match=r"row 11 \(e11\) has no sequence \(1 in total\).*data.missing: drop"): load_data(cfg)
    cfg['data']['missing'] = 'drop'
    with pytest.warns(UserWarning, match='dropped 10 of 60 rows'): ds = load_data(cfg)
    kept = sum(len(ds.splits[s]['ids']) for s in ('train', 'valid', 'test'))
    assert kept == 50 and 'e3' not in set(np.concatenate([ds.splits[s]['ids'] for s in ds.splits]))
