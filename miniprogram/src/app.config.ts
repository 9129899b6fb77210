// app.json. Staff pages beyond the workbench tab live in the `staff` subpackage (admin/: staff administration;
// maps/: map, trends, quarterly report, typical cases, section copies, referrals), rewards in `rewards` and
// `reward-admin`, the public disclosure page in `disclosure`, so the citizen main package stays small. `cloud: true` and the location
// declarations are weapp-only keys Taro's type lacks.
const config = {
  pages: [
    'pages/index/index',
    'pages/report/index',
    'pages/mine/index',
    'pages/case/index',
    'pages/workbench/index',
    'pages/lookup/index',
    'pages/notice/index',
    'pages/outbox/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'case/index',
        'admin/index',
        'admin/invite/index',
        'admin/member/index',
        'oversight/index',
        'stats/index',
        'leader/index',
        'register/index',
        'import/index',
        'maps/index',
        'maps/trends/index',
        'maps/report/index',
        'maps/typical/index',
        'maps/copies/index',
        'maps/referral/index',
        'duty/index',
        'templates/index',
        'audit/index',
      ],
    },
    // Whistleblower rewards: the citizen's self-check and claim; the reward admin's queue and claim.
    { root: 'rewards', pages: ['self-check/index', 'claim/index'] },
    { root: 'reward-admin', pages: ['queue/index', 'claim/index'] },
    // 信息公开: open to anyone, apart from the citizen's main package.
    { root: 'disclosure', pages: ['index'] },
  ],
  window: {
    navigationBarTitleText: '绿哨',
    navigationBarBackgroundColor: '#1f7a4d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f4',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5b6b63',
    selectedColor: '#1f7a4d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的反映',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
      {
        pagePath: 'pages/workbench/index',
        text: '工作台',
        iconPath: 'assets/tab/work.png',
        selectedIconPath: 'assets/tab/work-active.png',
      },
    ],
  },
  cloud: true,
  lazyCodeLoading: 'requiredComponents',
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于确定问题发生的位置，以便交由属地环保部门办理' },
  },
  __usePrivacyCheck__: true,
}

export default defineAppConfig(config as Parameters<typeof defineAppConfig>[0])
