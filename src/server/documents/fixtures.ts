/** Realistic sample data for the window's documents (tests and previews). */
import type { CommitmentLetterData, CorrectionNoticeData, ReceiptData, RejectionNoticeData, WindowInfo } from './types.ts';

export const sampleWindow: WindowInfo = {
  name: '示例市政务服务中心综合受理窗口（3号）',
  address: '示例市滨江区政务路88号市民中心B座2楼',
  phone: '0571-87654321',
  hours: '周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）',
};

/** 新生儿出生“一件事”, 12 materials: the materials table runs onto a second page. */
export const newbornReceipt: ReceiptData = {
  caseNumber: 'YJS-2025-330108-000127',
  matterName: '新生儿出生“一件事”',
  applicantName: '李晓梅',
  applicantIdMasked: '330106********2426',
  issuedOn: '2025-03-05',
  issuer: '示例市政务服务中心',
  clerk: '王静',
  window: sampleWindow,
  acceptedAt: '2025-03-05T02:32:00Z',
  progressUrl: 'https://zwfw.example.gov.cn/progress/YJS-2025-330108-000127?code=8F3K2Q',
  dueDate: '2025-03-12',
  items: [
    { name: '《出生医学证明》签发', department: '示例市第一人民医院', promisedDays: 1, dueDate: '2025-03-06' },
    { name: '预防接种证办理', department: '示例市滨江区疾病预防控制中心', promisedDays: 1, dueDate: '2025-03-06' },
    { name: '出生登记（户口登记）', department: '示例市公安局滨江分局', promisedDays: 3, dueDate: '2025-03-10' },
    { name: '城乡居民基本医疗保险参保登记', department: '示例市医疗保障局', promisedDays: 3, dueDate: '2025-03-10' },
    { name: '社会保障卡申领', department: '示例市人力资源和社会保障局', promisedDays: 5, dueDate: '2025-03-12' },
  ],
  materials: [
    { name: '《新生儿出生“一件事”联办申请表》', copies: 1, form: '原件', status: '已提交' },
    { name: '父亲居民身份证', copies: 1, form: '原件核验', status: '已提交' },
    { name: '母亲居民身份证', copies: 1, form: '原件核验', status: '已提交' },
    { name: '居民户口簿（户主页及本人页）', copies: 1, form: '原件核验', status: '已提交' },
    { name: '结婚证', copies: 1, form: '原件核验', status: '已提交' },
    { name: '《出生医学证明》', copies: 1, form: '原件', status: '已提交', note: '由助产机构出具' },
    {
      name: '新生儿免冠彩色照片（白色背景，358×441像素）',
      copies: 1,
      form: '电子文件',
      status: '已提交',
      note: '用于户口登记及社会保障卡制卡',
    },
    { name: '预防接种登记信息', copies: 0, form: '电子证照', status: '免提交', note: '通过数据共享获取，申请人无需提交' },
    { name: '父母双方户籍信息', copies: 0, form: '电子证照', status: '免提交', note: '部门间核验' },
    {
      name: '房屋所有权证明或房屋租赁合同',
      copies: 1,
      form: '复印件',
      status: '容缺后补',
      note: '拟落户地址为租住房屋时提供，须附出租人身份证件复印件',
    },
    { name: '《社会保障卡申领登记表》', copies: 1, form: '原件', status: '已提交' },
    {
      name: '授权委托书及受托人居民身份证',
      copies: 1,
      form: '原件',
      status: '容缺后补',
      note: '委托他人代为领取办理结果时提供',
    },
  ],
};

/** 开办餐饮店“一件事”, accepted on commitment with three materials missing. */
export const restaurantCommitment: CommitmentLetterData = {
  caseNumber: 'YJS-2025-330108-000342',
  matterName: '开办餐饮店“一件事”',
  applicantName: '示例市滨江区好味道小吃店（经营者：陈建国）',
  applicantIdMasked: '330108********1517',
  issuedOn: '2025-04-01',
  issuer: '示例市政务服务中心',
  clerk: '赵明',
  window: sampleWindow,
  missing: [
    {
      name: '公众聚集场所投入使用、营业前消防安全检查意见书',
      deadline: '2025-04-30',
      note: '可通过“示例市政务服务网”在线申请，检查合格后上传',
    },
    { name: '从业人员健康证明（3人）', deadline: '2025-04-15', note: '由具备资质的医疗机构出具，须在有效期内' },
    { name: '油烟净化设施检测报告', deadline: '2025-04-22' },
  ],
};

/** What both of the restaurant's notices at the window say of the case, the office and the clerk. */
const restaurantNotice = {
  matterName: '开办餐饮店“一件事”',
  applicantName: '陈建国',
  applicantIdMasked: '330108********1517',
  issuedOn: '2025-03-20',
  issuer: '示例市政务服务中心',
  clerk: '赵明',
  window: sampleWindow,
};

/** 开办餐饮店“一件事”, not accepted yet: three corrections, told at once. */
export const restaurantCorrections: CorrectionNoticeData = {
  ...restaurantNotice,
  caseNumber: 'YJS-2025-330108-000298',
  receivedOn: '2025-03-18',
  deadline: '2025-04-03',
  items: [
    {
      subject: '《食品经营许可申请书》',
      problem: '经营项目未勾选“热食类食品制售”，且申请人（法定代表人）未在承诺栏签字。',
      correction: '补充勾选实际经营项目，并由申请人本人在承诺栏签字确认。',
    },
    {
      subject: '经营场所平面布局图',
      problem: '未标明粗加工、切配、烹饪、餐用具清洗消毒等功能区域的位置及面积，未标注设备布局。',
      correction: '按比例重新绘制平面布局图，标注各功能区域的位置、面积及主要设备布局，并由申请人签字。',
    },
    {
      subject: '申请人名称（申请表填写事项）',
      problem: '申请表填写的“示例市滨江区好味道餐饮店”与营业执照登记名称“示例市滨江区好味道小吃店”不一致。',
      correction: '按照营业执照登记的名称更正申请表中的申请人名称。',
    },
  ],
};

/** 开办餐饮店“一件事”, not accepted: the applicant is not the one who may apply. */
export const restaurantRejection: RejectionNoticeData = {
  ...restaurantNotice,
  caseNumber: 'YJS-2025-330108-000299',
  ground: '申请人不具备申请资格',
  reason: '申请人既不是拟开办餐饮店的经营者，也未取得经营者的授权委托。',
  legalBasis: ['《中华人民共和国行政许可法》第三十二条'],
};
