/**
 * The book's one bibliography. Chapters cite a work in prose by its key in brackets ("[Kendall 2018]")
 * and list what they cite with `<References cited={[…]} />`; a unit test checks that both agree and
 * that every key is here.
 */

export interface Reference {
  /** Authors as printed, or the publishing body. */
  readonly authors: string;
  readonly title: string;
  /** Journal, conference, publisher or web site. */
  readonly venue: string;
  readonly year: number | null;
  /** Where to find it: arXiv id, DOI, web address. */
  readonly locator?: string;
}

export const BIBLIOGRAPHY = {
  GABA: {
    authors: 'Authors not named on the site',
    title: 'Gradient-Aware Multi-Task Learning for Predictive Maintenance: AMNL, GABA, and GRACE for RUL Prediction Under Multi-Condition Degradation',
    venue: 'Online book, book-ai.org',
    year: null,
    locator: 'https://www.book-ai.org/books/predictive-maintenance (read in 2026; cited by section, e.g. §12.3)',
  },
  'Saxena 2008': {
    authors: 'A. Saxena, K. Goebel, D. Simon, N. Eklund',
    title: 'Damage Propagation Modeling for Aircraft Engine Run-to-Failure Simulation',
    venue: '1st International Conference on Prognostics and Health Management (PHM08), Denver, CO',
    year: 2008,
    locator: 'doi:10.1109/PHM.2008.4711414',
  },
  'NASA PCoE': {
    authors: 'NASA Ames Prognostics Center of Excellence',
    title: 'Turbofan Engine Degradation Simulation Data Set (C-MAPSS), in the Prognostics Data Repository',
    venue: 'NASA Ames Research Center, Moffett Field, CA',
    year: 2008,
    locator: 'https://www.nasa.gov/intelligent-systems-division/discovery-and-systems-health/pcoe/pcoe-data-set-repository/',
  },
  'Babu 2016': {
    authors: 'G. Sateesh Babu, P. Zhao, X.-L. Li',
    title: 'Deep Convolutional Neural Network Based Regression Approach for Estimation of Remaining Useful Life',
    venue: 'Database Systems for Advanced Applications (DASFAA 2016), Lecture Notes in Computer Science 9642, Springer, pp. 214–228',
    year: 2016,
    locator: 'doi:10.1007/978-3-319-32025-0_14',
  },
  'Zheng 2017': {
    authors: 'S. Zheng, K. Ristovski, A. Farahat, C. Gupta',
    title: 'Long Short-Term Memory Network for Remaining Useful Life Estimation',
    venue: 'IEEE International Conference on Prognostics and Health Management (ICPHM 2017), pp. 88–95',
    year: 2017,
    locator: 'doi:10.1109/ICPHM.2017.7998311',
  },
  'Li 2018': {
    authors: 'X. Li, Q. Ding, J.-Q. Sun',
    title: 'Remaining useful life estimation in prognostics using deep convolution neural networks',
    venue: 'Reliability Engineering & System Safety 172, pp. 1–11',
    year: 2018,
    locator: 'doi:10.1016/j.ress.2017.11.021',
  },
  'Kendall 2018': {
    authors: 'A. Kendall, Y. Gal, R. Cipolla',
    title: 'Multi-Task Learning Using Uncertainty to Weigh Losses for Scene Geometry and Semantics',
    venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
    year: 2018,
    locator: 'arXiv:1705.07115',
  },
  'Chen 2018': {
    authors: 'Z. Chen, V. Badrinarayanan, C.-Y. Lee, A. Rabinovich',
    title: 'GradNorm: Gradient Normalization for Adaptive Loss Balancing in Deep Multitask Networks',
    venue: 'International Conference on Machine Learning (ICML), PMLR 80',
    year: 2018,
    locator: 'arXiv:1711.02257',
  },
  'Liu 2019': {
    authors: 'S. Liu, E. Johns, A. J. Davison',
    title: 'End-to-End Multi-Task Learning with Attention',
    venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
    year: 2019,
    locator: 'arXiv:1803.10704',
  },
  'Yu 2020': {
    authors: 'T. Yu, S. Kumar, A. Gupta, S. Levine, K. Hausman, C. Finn',
    title: 'Gradient Surgery for Multi-Task Learning',
    venue: 'Advances in Neural Information Processing Systems 33 (NeurIPS)',
    year: 2020,
    locator: 'arXiv:2001.06782',
  },
  'Kurin 2022': {
    authors: 'V. Kurin, A. De Palma, I. Kostrikov, S. Whiteson, M. P. Kumar',
    title: 'In Defense of the Unitary Scalarization for Deep Multi-Task Learning',
    venue: 'Advances in Neural Information Processing Systems 35 (NeurIPS)',
    year: 2022,
    locator: 'arXiv:2201.04122',
  },
  'Xin 2022': {
    authors: 'D. Xin, B. Ghorbani, J. Gilmer, A. Garg, O. Firat',
    title: 'Do Current Multi-Task Optimization Methods in Deep Learning Even Help?',
    venue: 'Advances in Neural Information Processing Systems 35 (NeurIPS)',
    year: 2022,
  },
  'Boyd 2004': {
    authors: 'S. Boyd, L. Vandenberghe',
    title: 'Convex Optimization (§4.7, vector optimization and scalarization)',
    venue: 'Cambridge University Press',
    year: 2004,
  },
  'Désidéri 2012': {
    authors: 'J.-A. Désidéri',
    title: 'Multiple-gradient descent algorithm (MGDA) for multiobjective optimization',
    venue: 'Comptes Rendus Mathématique 350(5–6), 313–318',
    year: 2012,
  },
  'Sener 2018': {
    authors: 'O. Sener, V. Koltun',
    title: 'Multi-Task Learning as Multi-Objective Optimization',
    venue: 'Advances in Neural Information Processing Systems 31 (NeurIPS)',
    year: 2018,
    locator: 'arXiv:1810.04650',
  },
  LibMTL: {
    authors: 'B. Lin, Y. Zhang',
    title: 'LibMTL: A Python Library for Deep Multi-Task Learning',
    venue: 'Journal of Machine Learning Research 24(209), 1–7',
    year: 2023,
    locator: 'github.com/median-research-group/LibMTL',
  },
  'Liu 2021a': {
    authors: 'L. Liu, Y. Li, Z. Kuang, J.-H. Xue, Y. Chen, W. Yang, Q. Liao, W. Zhang',
    title: 'Towards Impartial Multi-task Learning (IMTL)',
    venue: 'International Conference on Learning Representations (ICLR)',
    year: 2021,
    locator: 'openreview.net/forum?id=IMPnRXEWpvr',
  },
  'Liu 2021b': {
    authors: 'B. Liu, X. Liu, X. Jin, P. Stone, Q. Liu',
    title: 'Conflict-Averse Gradient Descent for Multi-task Learning (CAGrad)',
    venue: 'Advances in Neural Information Processing Systems 34 (NeurIPS)',
    year: 2021,
    locator: 'arXiv:2110.14048',
  },
  'Navon 2022': {
    authors: 'A. Navon, A. Shamsian, I. Achituve, H. Maron, K. Kawaguchi, G. Chechik, E. Fetaya',
    title: 'Multi-Task Learning as a Bargaining Game (Nash-MTL)',
    venue: 'International Conference on Machine Learning (ICML), PMLR 162',
    year: 2022,
    locator: 'arXiv:2202.01017',
  },
  'Senushkin 2023': {
    authors: 'D. Senushkin, N. Patakin, A. Kuznetsov, A. Konushin',
    title: 'Independent Component Alignment for Multi-Task Learning (Aligned-MTL)',
    venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
    year: 2023,
    locator: 'arXiv:2305.19000',
  },
  'Quinton 2024': {
    authors: 'P. Quinton, V. Rey',
    title: 'Jacobian Descent for Multi-Objective Optimization (UPGrad, DualProj; the TorchJD library)',
    venue: 'arXiv preprint',
    year: 2024,
    locator: 'arXiv:2406.16232',
  },
  'Wang 2021': {
    authors: 'Z. Wang, Y. Tsvetkov, O. Firat, Y. Cao',
    title: 'Gradient Vaccine: Investigating and Improving Multi-task Optimization in Massively Multilingual Models (GradVac)',
    venue: 'International Conference on Learning Representations (ICLR)',
    year: 2021,
    locator: 'arXiv:2010.05874',
  },
  'Lin 2022': {
    authors: 'B. Lin, F. Ye, Y. Zhang, I. W. Tsang',
    title: 'Reasonable Effectiveness of Random Weighting: A Litmus Test for Multi-Task Learning (RLW)',
    venue: 'Transactions on Machine Learning Research (TMLR)',
    year: 2022,
    locator: 'arXiv:2111.10603',
  },
  'Liu 2023': {
    authors: 'B. Liu, Y. Feng, P. Stone, Q. Liu',
    title: 'FAMO: Fast Adaptive Multitask Optimization',
    venue: 'Advances in Neural Information Processing Systems 36 (NeurIPS)',
    year: 2023,
    locator: 'arXiv:2306.03792',
  },
  'Lin 2024': {
    authors: 'X. Lin, X. Zhang, Z. Yang, F. Liu, Z. Wang, Q. Zhang',
    title: 'Smooth Tchebycheff Scalarization for Multi-Objective Optimization (STCH)',
    venue: 'International Conference on Machine Learning (ICML), PMLR 235',
    year: 2024,
    locator: 'arXiv:2402.19078',
  },
  'Ban 2024': {
    authors: 'H. Ban, K. Ji',
    title: 'Fair Resource Allocation in Multi-Task Learning (FairGrad)',
    venue: 'International Conference on Machine Learning (ICML), PMLR 235',
    year: 2024,
    locator: 'arXiv:2402.15638',
  },
} as const satisfies Record<string, Reference>;

export type CitationKey = keyof typeof BIBLIOGRAPHY;

export function isCitationKey(key: string): key is CitationKey {
  return Object.hasOwn(BIBLIOGRAPHY, key);
}

/** One reference as a line of text: authors, "title", venue, year, locator. */
export function formatReference(key: CitationKey): string {
  const entry: Reference = BIBLIOGRAPHY[key];
  const parts = [entry.authors, `“${entry.title}”`, entry.venue, entry.year === null ? 'No date given' : String(entry.year)];
  if (entry.locator) parts.push(entry.locator);
  return `${parts.join('. ')}.`;
}
