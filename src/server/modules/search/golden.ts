/**
 * The golden set: colloquial searches and questions with the matter and guide part a person means,
 * and questions outside the catalogue that must go to a person. Used by the tests and the bench.
 */
import type { SectionKey } from '../../../core/search/ask.ts';

/** [query, the matter that must come first] */
export const GOLDEN_SEARCHES: readonly (readonly [string, string])[] = [
  ['生孩子', 'newborn-birth'], ['宝宝出生', 'newborn-birth'], ['xinsheng', 'newborn-birth'], ['xse', 'newborn-birth'], ['出生', 'newborn-birth'], ['出生医学证明', 'newborn-birth'],
  ['开饭店', 'restaurant-opening'], ['开奶茶店', 'restaurant-opening'], ['餐饮', 'restaurant-opening'], ['食品经营许可', 'restaurant-opening'], ['canyin', 'restaurant-opening'],
  ['社宝卡', 'social-security-card'], ['社保卡', 'social-security-card'], ['shebaoka', 'social-security-card'],
  ['退休', 'retirement'], ['领养老金', 'retirement'], ['tuixiu', 'retirement'], ['退休金', 'retirement'],
  ['孩子上学', 'school-admission'], ['小学报名', 'school-admission'], ['入学', 'school-admission'],
  ['招员工', 'employee-hiring'], ['员工', 'employee-hiring'], ['就业登记', 'employee-hiring'],
  ['注销公司', 'enterprise-deregistration'], ['企业注销', 'enterprise-deregistration'],
  ['公司改名', 'enterprise-info-change'], ['变更法人', 'enterprise-info-change'],
  ['装宽带', 'utility-connection'], ['用水报装', 'utility-connection'], ['水电气', 'utility-connection'],
  ['残疾证', 'disability-services'], ['残疾人', 'disability-services'],
  ['货运公司', 'transport-enterprise-opening'], ['道路运输', 'transport-enterprise-opening'],
  ['信用修复', 'credit-repair'], ['失信修复', 'credit-repair'],
  ['公司上市', 'listing-compliance-check'], ['破产', 'bankruptcy-info-check'],
  ['人去世了', 'death-affairs'], ['办后事', 'death-affairs'], ['领育儿补贴', 'childcare-subsidy'], ['育儿补贴', 'childcare-subsidy'],
];

export interface GoldenQuestion {
  q: string;
  /** Absent: the question must be handed to a person. */
  matter?: string;
  section?: SectionKey;
  answers?: Record<string, string | boolean>;
}

export const GOLDEN_QUESTIONS: readonly GoldenQuestion[] = [
  { q: '生孩子要带什么材料', matter: 'newborn-birth', section: 'materials' },
  { q: '在家生的孩子能办吗', matter: 'newborn-birth', section: 'conditions', answers: { bornInProvinceInstitution: false } },
  { q: '宝宝出生后多久能办好', matter: 'newborn-birth', section: 'timeLimit' },
  { q: '新生儿上户口收费吗', matter: 'newborn-birth', section: 'fees' },
  { q: '宝宝已经满1周岁了怎么办', matter: 'newborn-birth', section: 'faq', answers: { babyUnderOneYear: false } },
  { q: '开饭店要准备哪些材料', matter: 'restaurant-opening', section: 'materials' },
  { q: '开餐馆要多长时间', matter: 'restaurant-opening', section: 'timeLimit' },
  { q: '开饭店卖凉菜有什么条件', matter: 'restaurant-opening', section: 'conditions', answers: { servesColdDishes: true } },
  { q: '开饭店去哪里办', matter: 'restaurant-opening', section: 'windows' },
  { q: '社宝卡丢了怎么办', matter: 'social-security-card', section: 'faq' },
  { q: '社保卡丢了怎么办', matter: 'social-security-card', section: 'faq', answers: { cardStatus: 'lost' } },
  { q: '社保卡丢了要多久才能补好', matter: 'social-security-card', section: 'timeLimit', answers: { cardStatus: 'lost' } },
  { q: '出生医学证明在哪领', matter: 'newborn-birth', section: 'windows' },
  { q: '给小孩办社保卡要什么材料', matter: 'social-security-card', section: 'materials', answers: { cardholder: 'child' } },
  { q: '办退休要多久', matter: 'retirement', section: 'timeLimit' },
  { q: '提前退休需要什么材料', matter: 'retirement', section: 'materials', answers: { retirementType: 'early' } },
  { q: '退休在哪个窗口办', matter: 'retirement', section: 'windows' },
  { q: '孩子上小学报名要带什么', matter: 'school-admission', section: 'materials', answers: { schoolStage: 'primary' } },
  { q: '入学报名的流程', matter: 'school-admission', section: 'process' },
  { q: '招员工要办哪些事项', matter: 'employee-hiring', section: 'items' },
  { q: '注销公司要多少钱', matter: 'enterprise-deregistration', section: 'fees' },
  { q: '公司改名的流程是什么', matter: 'enterprise-info-change', section: 'process' },
  { q: '装宽带接水电几点上班', matter: 'utility-connection', section: 'hours' },
  { q: '残疾证怎么办理', matter: 'disability-services', section: 'process' },
  { q: '开货运公司需要什么条件', matter: 'transport-enterprise-opening', section: 'conditions' },
  { q: '信用修复要多久', matter: 'credit-repair', section: 'timeLimit' },
  { q: '家里老人去世了能一起办哪些事', matter: 'death-affairs', section: 'items' },
  { q: '领育儿补贴要带什么材料', matter: 'childcare-subsidy', section: 'materials' },
  { q: '护照怎么办理' },
  { q: '离婚需要什么材料' },
  { q: '驾驶证到期换证去哪里' },
  { q: '公积金贷款利率是多少' },
  { q: '今天天气怎么样' },
  { q: '要带什么材料' },
  { q: '房产证过户要交多少税' },
  { q: 'how do I renew my passport' },
  { q: '怎么申请低保' },
  { q: '结婚登记要带什么' },
  { q: '身份证丢了' },
  { q: '搬家了户口怎么迁' },
];
