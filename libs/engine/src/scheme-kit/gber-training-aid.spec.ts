import {
  classifyEnterpriseSize,
  GBER_TRAINING_AID_MAX_BASIS_POINTS,
  gberTrainingAidCeiling,
  trainingAidIntensity,
} from './gber-training-aid';

describe('classifyEnterpriseSize', () => {
  it('is small under 50 employees, medium under 250, large from 250', () => {
    expect(classifyEnterpriseSize(0)).toBe('small');
    expect(classifyEnterpriseSize(49)).toBe('small');
    expect(classifyEnterpriseSize(50)).toBe('medium');
    expect(classifyEnterpriseSize(249)).toBe('medium');
    expect(classifyEnterpriseSize(250)).toBe('large');
    expect(classifyEnterpriseSize(10_000)).toBe('large');
  });
});

describe('gberTrainingAidCeiling', () => {
  it('is 50 %, +10 points for medium and +20 for small enterprises, at most 70 %', () => {
    expect(gberTrainingAidCeiling('small')).toBe(7000);
    expect(gberTrainingAidCeiling('medium')).toBe(6000);
    expect(gberTrainingAidCeiling('large')).toBe(5000);
    expect(GBER_TRAINING_AID_MAX_BASIS_POINTS).toBe(7000);
  });
});

describe('trainingAidIntensity', () => {
  it("grades a GBER call's intensity down to the ceiling of the applicant's size", () => {
    expect(trainingAidIntensity('gber_art31', 7000, 49)).toBe(7000);
    expect(trainingAidIntensity('gber_art31', 7000, 50)).toBe(6000);
    expect(trainingAidIntensity('gber_art31', 7000, 249)).toBe(6000);
    expect(trainingAidIntensity('gber_art31', 7000, 250)).toBe(5000);
  });

  it("keeps a call's intensity below the ceiling", () => {
    expect(trainingAidIntensity('gber_art31', 4000, 250)).toBe(4000);
    expect(trainingAidIntensity('gber_art31', 5000, 10)).toBe(5000);
  });

  it('does not grade de minimis aid', () => {
    expect(trainingAidIntensity('de_minimis', 8000, 300)).toBe(8000);
  });
});
