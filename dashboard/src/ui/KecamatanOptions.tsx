/** A kecamatan as a picker lists it. */
export interface KecamatanChoice {
  kode: string;
  nama: string;
}

/** The `<option>`s of a kecamatan `<select>`, in the order given; the select adds its own "all" choice. */
export function KecamatanOptions({ kecamatan }: { kecamatan: readonly KecamatanChoice[] }) {
  return (
    <>
      {kecamatan.map((k) => (
        <option key={k.kode} value={k.kode}>
          {k.nama}
        </option>
      ))}
    </>
  );
}
