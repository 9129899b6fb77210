export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: '绿哨',
    navigationBarBackgroundColor: '#1f7a4d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f5',
  },
})
