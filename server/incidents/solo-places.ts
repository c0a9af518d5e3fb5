/**
 * Places in Surakarta (Solo) the simulator draws from. Coordinates are approximate, read off
 * public maps, and every one lies inside the city boundary of ../shared/data/surakarta
 * (checked by solo-places.test.ts). They make a believable demo, not a survey.
 */

/** [latitude, longitude] */
export type LatLon = readonly [number, number];

/** A road (a polyline) or a junction (one point) where accidents gather. */
export interface AccidentHotspot {
  name: string;
  /** One point for a junction; the road's course for a road. */
  course: readonly LatLon[];
  /** Relative share of the city's accidents. */
  weight: number;
}

// Accident-prone roads and junctions ("wilayah rawan kecelakaan") of Solo: the main arteries
// and the junctions where they cross the railway or each other.
export const ACCIDENT_HOTSPOTS: readonly AccidentHotspot[] = [
  {
    name: 'Jl. Slamet Riyadi',
    course: [[-7.56, 110.784], [-7.5628, 110.7965], [-7.5645, 110.804], [-7.5677, 110.8115], [-7.5695, 110.818], [-7.572, 110.8225], [-7.5745, 110.8268]],
    weight: 22,
  },
  { name: 'Jl. Ahmad Yani', course: [[-7.56, 110.784], [-7.5575, 110.793], [-7.5545, 110.802], [-7.553, 110.81], [-7.552, 110.817], [-7.5525, 110.824]], weight: 16 },
  { name: 'Jl. Adi Sucipto', course: [[-7.5548, 110.8045], [-7.5535, 110.795], [-7.5525, 110.786], [-7.552, 110.778]], weight: 11 },
  { name: 'Jl. Ir. Sutami (Jurug)', course: [[-7.5615, 110.852], [-7.563, 110.858], [-7.5638, 110.8612]], weight: 10 },
  { name: 'Jl. Kol. Sutarto', course: [[-7.5585, 110.837], [-7.5575, 110.848], [-7.556, 110.86]], weight: 9 },
  { name: 'Jl. Urip Sumoharjo', course: [[-7.569, 110.8318], [-7.564, 110.834], [-7.559, 110.836]], weight: 5 },
  { name: 'Simpang Joglo', course: [[-7.5455, 110.8288]], weight: 9 },
  { name: 'Bundaran Gladak', course: [[-7.5745, 110.8272]], weight: 7 },
  { name: 'Simpang Panggung', course: [[-7.558, 110.839]], weight: 6 },
  { name: 'Simpang Purwosari', course: [[-7.5628, 110.7965]], weight: 5 },
];

/** A landmark where non-traffic incidents are placed, with the address shown on the wall. */
export interface Landmark {
  name: string;
  address: string;
  at: LatLon;
}

export const LANDMARKS: readonly Landmark[] = [
  { name: 'Pasar Gede', address: 'Jl. Urip Sumoharjo, Sudiroprajan', at: [-7.5693, 110.8312] },
  { name: 'Pasar Klewer', address: 'Jl. Dr. Radjiman, Kauman', at: [-7.5762, 110.825] },
  { name: 'Keraton Surakarta', address: 'Baluwarti, Pasar Kliwon', at: [-7.5776, 110.8277] },
  { name: 'Benteng Vastenburg', address: 'Jl. Mayor Sunaryo, Kedunglumbu', at: [-7.5716, 110.8297] },
  { name: 'Stasiun Solo Balapan', address: 'Jl. Wolter Monginsidi, Kestalan', at: [-7.5567, 110.821] },
  { name: 'Terminal Tirtonadi', address: 'Jl. Ahmad Yani, Gilingan', at: [-7.552, 110.817] },
  { name: 'Stadion Manahan', address: 'Jl. Adi Sucipto, Manahan', at: [-7.5557, 110.8066] },
  { name: 'Taman Sriwedari', address: 'Jl. Slamet Riyadi, Sriwedari', at: [-7.5677, 110.8115] },
  { name: 'Pasar Legi', address: 'Jl. S. Parman, Setabelan', at: [-7.562, 110.824] },
  { name: 'Taman Balekambang', address: 'Jl. Ahmad Yani, Manahan', at: [-7.555, 110.811] },
  { name: 'Kampus UNS Kentingan', address: 'Jl. Ir. Sutami, Jebres', at: [-7.56, 110.856] },
  { name: 'RSUD Dr. Moewardi', address: 'Jl. Kol. Sutarto, Jebres', at: [-7.5557, 110.8609] },
  { name: 'Solo Grand Mall', address: 'Jl. Slamet Riyadi, Purwosari', at: [-7.5645, 110.804] },
  { name: 'Balai Kota Surakarta', address: 'Jl. Jend. Sudirman, Kampung Baru', at: [-7.57, 110.829] },
  { name: 'Pasar Kembang', address: 'Jl. Honggowongso, Sriwedari', at: [-7.5706, 110.8128] },
  { name: 'Kampung Sewu', address: 'Sewu, Jebres', at: [-7.5731, 110.8436] },
  { name: 'Mojosongo', address: 'Jl. Brigjen Katamso, Mojosongo', at: [-7.543, 110.8452] },
  { name: 'Kadipiro', address: 'Jl. Sumpah Pemuda, Kadipiro', at: [-7.5336, 110.8142] },
  { name: 'Semanggi', address: 'Jl. Kyai Mojo, Semanggi', at: [-7.5838, 110.837] },
  { name: 'Pajang', address: 'Jl. Dr. Radjiman, Pajang', at: [-7.5671, 110.7863] },
];
