import { validatePayload } from '@lib/common';
import { TrainingAidDeclarationsDto, TrainingCostLineDto, TrainingFinancingPlanDto } from './training-forms';

/** How a scheme uses the pieces: a class of its own name, adding nothing or its own fields. */
class ExampleCostLineDto extends TrainingCostLineDto {}
class ExampleFinancingPlanDto extends TrainingFinancingPlanDto {}
class ExampleDeclarationsDto extends TrainingAidDeclarationsDto {}

describe('training-aid form pieces', () => {
  it("accept a scheme's well-formed cost line, financing plan and declarations", async () => {
    expect(
      await validatePayload(ExampleCostLineDto, { category: 'provider_fees', amountOre: 100 }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await validatePayload(ExampleFinancingPlanDto, {
        ownContributionOre: 1,
        otherPublicSupportOre: 0,
        requestedGrantOre: 2,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await validatePayload(ExampleDeclarationsDto, {
        otherPublicSupportReceived: false,
        otherPublicSupportAmountOre: 0,
        notInEconomicDifficulty: true,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuse unknown categories, fractions of øre and unknown fields', async () => {
    expect(await validatePayload(ExampleCostLineDto, { category: 'coffee', amountOre: 100 })).toMatchObject({
      ok: false,
    });
    expect(
      await validatePayload(ExampleCostLineDto, { category: 'provider_fees', amountOre: 1.5 }),
    ).toMatchObject({ ok: false });
    expect(
      await validatePayload(ExampleFinancingPlanDto, {
        ownContributionOre: 1,
        otherPublicSupportOre: 0,
        requestedGrantOre: 2,
        extra: 1,
      }),
    ).toMatchObject({ ok: false });
  });
});
