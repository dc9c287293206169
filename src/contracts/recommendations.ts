/** 为您推荐 (issue 14): key matters that usually follow what the applicant has done, and licences about to expire. */
import { Type, type Static } from 'typebox';
import { Day, Uuid } from './http.ts';

export const Recommendation = Type.Object({
  matterId: Type.String({ description: '推荐的一件事（用于办事指南链接）' }),
  matterName: Type.String(),
  why: Type.String({ description: '推荐理由（一句话）' }),
  dueOn: Day,
  afterCaseId: Uuid,
  afterMatterName: Type.String({ description: '据以推荐的已办结一件事' }),
});
export type Recommendation = Static<typeof Recommendation>;

export const ExpiringLicence = Type.Object({
  licenceId: Uuid,
  name: Type.String(),
  expiresOn: Day,
  daysLeft: Type.Integer({ minimum: 0, description: '距有效期届满的天数（0：今天是最后一天）' }),
});
export type ExpiringLicence = Static<typeof ExpiringLicence>;

export const Recommendations = Type.Object({
  due: Type.Array(Recommendation, { description: '现在就可以办的' }),
  later: Type.Array(Recommendation, { description: '以后要办的，按日期先后' }),
  expiring: Type.Array(ExpiringLicence, { description: '即将到期的电子证照' }),
});
export type Recommendations = Static<typeof Recommendations>;

export const RecommendationsQuery = Type.Object({
  caseId: Type.Optional(Uuid),
});
export type RecommendationsQuery = Static<typeof RecommendationsQuery>;
