// Kota Mojokerto reference data for the demo. The OPD list follows MISSION.md (from a public
// third-party seed file and news, not an official list). Every UMKM here is FICTIONAL demo data:
// names, owners, numbers and addresses are invented.

export const DEMO_PASSWORD = "merata-demo-2026";

export const OPDS: { code: string; name: string }[] = [
  { code: "SETDA", name: "Sekretariat Daerah" },
  { code: "SETWAN", name: "Sekretariat DPRD" },
  { code: "INSPEKTORAT", name: "Inspektorat" },
  { code: "SATPOLPP", name: "Satuan Polisi Pamong Praja" },
  { code: "DISDIKBUD", name: "Dinas Pendidikan dan Kebudayaan" },
  { code: "DISPORAPAR", name: "Dinas Kepemudaan, Olahraga dan Pariwisata" },
  { code: "DINKESP2KB", name: "Dinas Kesehatan, Pengendalian Penduduk dan KB" },
  { code: "DINSOSP3A", name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak" },
  { code: "DPUPRPERKIM", name: "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan Rakyat dan Kawasan Permukiman" },
  { code: "DPMPTSP", name: "Dinas Penanaman Modal dan PTSP" },
  { code: "DISKOPUKMPERINDAG", name: "Dinas Koperasi, UKM, Perindustrian dan Perdagangan" },
  { code: "DKPP", name: "Dinas Ketahanan Pangan dan Pertanian" },
  { code: "DLH", name: "Dinas Lingkungan Hidup" },
  { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
  { code: "DISHUB", name: "Dinas Perhubungan" },
  { code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika" },
  { code: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan" },
  { code: "RSUD", name: "RSUD dr. Wahidin Sudiro Husodo" },
  { code: "BAPPERIDA", name: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah" },
  { code: "BPKPD", name: "Badan Pendapatan, Pengelolaan Keuangan dan Aset Daerah" },
  { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan SDM" },
  { code: "BAKESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik" },
  { code: "BPBD", name: "Badan Penanggulangan Bencana Daerah" },
  { code: "KEC-MAGERSARI", name: "Kecamatan Magersari" },
  { code: "KEC-PRAJURITKULON", name: "Kecamatan Prajurit Kulon" },
  { code: "KEC-KRANGGAN", name: "Kecamatan Kranggan" },
];

/** The city's 18 kelurahan in its 3 kecamatan: one list, lib/domain/wilayah.ts. */
export { KELURAHAN } from "@/lib/domain/wilayah";

export const BUDGET_ACCOUNTS = [
  { code: "5.1.02.01.01.0052", name: "Belanja Makanan dan Minuman Rapat" },
  { code: "5.1.02.01.01.0053", name: "Belanja Makanan dan Minuman Jamuan Tamu" },
] as const;

/** Demo defaults after PMK 49/2023 (SBM 2024, Jawa Timur); Mojokerto's own SSH was not found. Admins edit these. */
export const PRICE_CEILINGS = [
  { category: "MAKAN", maxPerPax: 49_000, basis: "Demo: SBM 2024 Jawa Timur (PMK 49/2023), makan rapat" },
  { category: "KUDAPAN", maxPerPax: 23_000, basis: "Demo: SBM 2024 Jawa Timur (PMK 49/2023), kudapan rapat" },
  { category: "MINUMAN", maxPerPax: 15_000, basis: "Demo: nilai contoh, sesuaikan dengan SSH Kota Mojokerto" },
] as const;

// Fictional businesses. [name, owner, specialities]
export const UMKM: [string, string, ("MAKAN" | "KUDAPAN" | "MINUMAN")[]][] = [
  ["Dapur Bu Sri Rahayu", "Sri Rahayu", ["MAKAN", "KUDAPAN"]],
  ["Nasi Kotak Sumber Rejeki", "Slamet Widodo", ["MAKAN"]],
  ["Kue Basah Mbak Ning", "Ningsih Wulandari", ["KUDAPAN"]],
  ["Catering Barokah Wates", "Abdul Rochim", ["MAKAN", "KUDAPAN", "MINUMAN"]],
  ["Omah Jajan Kedundung", "Retno Palupi", ["KUDAPAN", "MINUMAN"]],
  ["Warung Mak Tin Meri", "Martini", ["MAKAN"]],
  ["Rumah Makan Lestari Rasa", "Bambang Hariyanto", ["MAKAN", "MINUMAN"]],
  ["Snack Box Ceria", "Dewi Kusumawati", ["KUDAPAN"]],
  ["Dapur Sehat Pulorejo", "Yuliana Safitri", ["MAKAN", "KUDAPAN"]],
  ["Wedang Uwuh Pak Darto", "Sudarto", ["MINUMAN", "KUDAPAN"]],
  ["Nasi Bakar Jagalan", "Hendra Saputra", ["MAKAN"]],
  ["Aneka Kue Bu Endang", "Endang Sulistyowati", ["KUDAPAN"]],
  ["Catering Amanah Mentikan", "Siti Aminah", ["MAKAN", "KUDAPAN"]],
  ["Pawon Ndeso Blooto", "Sugeng Riyadi", ["MAKAN", "MINUMAN"]],
  ["Lapis Legit Surodinawan", "Lilik Maryani", ["KUDAPAN"]],
  ["Dapur Mbok Yem", "Suyem", ["MAKAN"]],
  ["Jamu dan Minuman Segar Kauman", "Wahyu Ningsih", ["MINUMAN"]],
  ["Berkah Catering Balongsari", "Muhammad Fauzi", ["MAKAN", "KUDAPAN", "MINUMAN"]],
  ["Onde-Onde Mojopahit", "Tri Wahyuni", ["KUDAPAN"]],
  ["Dapur Kita Gedongan", "Agus Setiawan", ["MAKAN", "KUDAPAN"]],
  ["Rawon Bu Har Miji", "Hartatik", ["MAKAN"]],
  ["Kripik dan Kue Sentanan", "Rina Marlina", ["KUDAPAN", "MINUMAN"]],
  ["Nasi Pecel Purwotengah", "Joko Susilo", ["MAKAN", "KUDAPAN"]],
];

export const MENU_TEMPLATES: Record<"MAKAN" | "KUDAPAN" | "MINUMAN", { name: string; base: number }[]> = {
  MAKAN: [
    { name: "Nasi kotak ayam goreng, sayur, sambal, buah", base: 32_000 },
    { name: "Nasi kotak rawon lengkap", base: 38_000 },
    { name: "Nasi bakar ayam suwir", base: 28_000 },
    { name: "Nasi pecel lauk telur dan tempe", base: 22_000 },
  ],
  KUDAPAN: [
    { name: "Snack box 3 macam (kue basah, gorengan, air mineral)", base: 14_000 },
    { name: "Snack box 4 macam kue tradisional", base: 17_000 },
    { name: "Onde-onde dan lapis legit", base: 12_000 },
  ],
  MINUMAN: [
    { name: "Wedang uwuh / teh hangat (per gelas)", base: 6_000 },
    { name: "Jus buah segar", base: 10_000 },
  ],
};

export const EVENT_NAMES = [
  "Rapat koordinasi bulanan",
  "Rapat evaluasi program",
  "Sosialisasi peraturan daerah",
  "Bimbingan teknis aplikasi",
  "Rapat penyusunan anggaran",
  "Musyawarah perencanaan",
  "Pelatihan UMKM",
  "Kunjungan kerja tamu daerah",
  "Rapat koordinasi lintas OPD",
  "Forum konsultasi publik",
  "Rapat monitoring dan evaluasi",
  "Penyuluhan kesehatan masyarakat",
];

export const PLACES = [
  "Ruang Rapat Lt. 2",
  "Aula Kantor",
  "Ruang Sabha Pambojana, Balai Kota",
  "Pendopo Rumah Rakyat",
  "Ruang Rapat Kepala Dinas",
  "Gedung Pertemuan Kelurahan",
];

export const DECLINE_REASONS = [
  "Kapasitas dapur penuh pada tanggal tersebut",
  "Bahan baku utama sedang langka",
  "Pemilik sedang sakit",
];

export const FAILURE_STORIES: {
  type: "NOT_DELIVERED" | "VERY_LATE" | "SHORT_QUANTITY" | "QUALITY_SAFETY" | "VENDOR_CANCELLED";
  evidence: string;
}[] = [
  { type: "VERY_LATE", evidence: "Pesanan tiba 95 menit setelah acara dimulai; peserta sudah bubar." },
  { type: "SHORT_QUANTITY", evidence: "Diterima 60 dari 80 kotak; kekurangan tidak dikirim hingga acara selesai." },
  { type: "NOT_DELIVERED", evidence: "UMKM tidak datang dan tidak dapat dihubungi via WhatsApp." },
  { type: "VENDOR_CANCELLED", evidence: "UMKM membatalkan 2 jam sebelum acara setelah menyatakan sanggup." },
];
